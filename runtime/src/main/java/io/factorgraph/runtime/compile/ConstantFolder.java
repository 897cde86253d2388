package io.factorgraph.runtime.compile;

import io.factorgraph.dsl.ast.Binary;
import io.factorgraph.dsl.ast.BinaryOperator;
import io.factorgraph.dsl.ast.Unary;
import io.factorgraph.dsl.ast.UnaryOperator;
import io.factorgraph.dsl.diagnostic.Diagnostic;
import io.factorgraph.dsl.diagnostic.Note;
import io.factorgraph.dsl.source.Span;
import io.factorgraph.runtime.spi.Constant;

/**
 * Part of phase 3: arithmetic, comparison and logic on compile-time constants. A result that leaves its
 * type (a double overflowing to infinity, a duration past 2^63 ns, a division by zero) is a diagnostic
 * at the operator, never an infinite window or an exception.
 */
final class ConstantFolder {
    private final DiagnosticSink sink;

    ConstantFolder(DiagnosticSink sink) {
        this.sink = sink;
    }

    /** A unary operator on a constant. */
    Typed unary(Unary unary, Constant value) {
        if (unary.operator() == UnaryOperator.NEGATE) {
            switch (value) {
                case Constant.Number(double v) -> {
                    return new Typed.Const(Constant.number(-v));
                }
                case Constant.Duration(long nanos) -> {
                    return scaledDuration(-(double) nanos, unary.span());
                }
                default -> {}
            }
        } else if (value instanceof Constant.Bool(boolean v)) {
            return new Typed.Const(Constant.bool(!v));
        }
        return operandError(unary.operator().symbol(), unary.span(), "a " + value.kindName());
    }

    /** A binary operator on two constants. */
    Typed binary(Binary binary, Constant a, Constant b) {
        BinaryOperator op = binary.operator();
        Span at = binary.operatorSpan();
        if (a instanceof Constant.Number(double x) && b instanceof Constant.Number(double y)) {
            if (op == BinaryOperator.DIVIDE && y == 0) {
                return error(binary.right().span(), "division by zero in a constant expression");
            }
            return switch (op) {
                case ADD -> finite(x + y, binary);
                case SUBTRACT -> finite(x - y, binary);
                case MULTIPLY -> finite(x * y, binary);
                case DIVIDE -> finite(x / y, binary);
                case LESS -> bool(x < y);
                case LESS_OR_EQUAL -> bool(x <= y);
                case GREATER -> bool(x > y);
                case GREATER_OR_EQUAL -> bool(x >= y);
                case EQUAL -> bool(x == y);
                case NOT_EQUAL -> bool(x != y);
                case AND, OR -> operandError(op.symbol(), at, "numbers");
            };
        }
        if (a instanceof Constant.Duration(long x) && b instanceof Constant.Duration(long y)) {
            return switch (op) {
                case ADD -> exactDuration(x + y, ((x ^ (x + y)) & (y ^ (x + y))) < 0, at);
                case SUBTRACT -> exactDuration(x - y, ((x ^ y) & (x ^ (x - y))) < 0, at);
                case DIVIDE ->
                    y == 0
                            ? error(binary.right().span(), "division by zero in a constant expression")
                            : number((double) x / y);
                case LESS -> bool(x < y);
                case LESS_OR_EQUAL -> bool(x <= y);
                case GREATER -> bool(x > y);
                case GREATER_OR_EQUAL -> bool(x >= y);
                case EQUAL -> bool(x == y);
                case NOT_EQUAL -> bool(x != y);
                case MULTIPLY, AND, OR -> operandError(op.symbol(), at, "durations");
            };
        }
        if (a instanceof Constant.Duration(long d) && b instanceof Constant.Number(double n)) {
            if (op == BinaryOperator.MULTIPLY) {
                return scaledDuration(d * n, at);
            }
            if (op == BinaryOperator.DIVIDE) {
                return n == 0
                        ? error(binary.right().span(), "division by zero in a constant expression")
                        : scaledDuration(d / n, at);
            }
        }
        if (a instanceof Constant.Number(double n)
                && b instanceof Constant.Duration(long d)
                && op == BinaryOperator.MULTIPLY) {
            return scaledDuration(n * d, at);
        }
        if (a instanceof Constant.Bool(boolean x) && b instanceof Constant.Bool(boolean y)) {
            switch (op) {
                case AND -> {
                    return bool(x && y);
                }
                case OR -> {
                    return bool(x || y);
                }
                case EQUAL -> {
                    return bool(x == y);
                }
                case NOT_EQUAL -> {
                    return bool(x != y);
                }
                default -> {}
            }
        }
        return operandError(op.symbol(), at, "a " + a.kindName() + " and a " + b.kindName());
    }

    private Typed scaledDuration(double nanos, Span at) {
        // 2^63 as a double is one past Long.MAX_VALUE: a duration must be below it to fit.
        if (Math.abs(nanos) >= 0x1p63) {
            return error(
                    at,
                    "this duration does not fit: durations are at most about 292 years (2^63 ns), found " + nanos
                            + "ns");
        }
        if (nanos != Math.rint(nanos)) {
            return error(at, "this duration is not a whole number of nanoseconds (" + nanos + "ns)");
        }
        return duration((long) nanos, at);
    }

    /** A sum or difference of durations, unless it overflowed (Hacker's Delight 2-13). */
    private Typed exactDuration(long nanos, boolean overflowed, Span at) {
        if (overflowed) {
            return error(at, "this duration does not fit: durations are at most about 292 years (2^63 ns)");
        }
        return duration(nanos, at);
    }

    /** Constant arithmetic that leaves the doubles (1e308 * 10) is a mistake in the file, not an infinity to run with. */
    private Typed finite(double value, Binary binary) {
        if (!Double.isFinite(value)) {
            return error(
                    binary.operatorSpan(),
                    "this constant expression overflows: it is " + value
                            + ", beyond the largest double (about 1.8e308)",
                    Note.help("use smaller numbers"));
        }
        return number(value);
    }

    private static Typed number(double value) {
        return new Typed.Const(Constant.number(value));
    }

    private static Typed bool(boolean value) {
        return new Typed.Const(Constant.bool(value));
    }

    private static Typed duration(long nanos, Span at) {
        return new Typed.Const(Constant.duration(nanos));
    }

    private Typed operandError(String operator, Span at, String found) {
        return error(
                at,
                "operator '" + operator + "' cannot be applied to " + found,
                Note.help("arithmetic + - * / takes numbers or double streams (and durations, for constants);"
                        + " comparisons give bool; and/or/not take bools"));
    }

    private Typed error(Span span, String message, Note... notes) {
        sink.report(Diagnostic.error(span, message, notes));
        return Typed.INVALID;
    }
}
