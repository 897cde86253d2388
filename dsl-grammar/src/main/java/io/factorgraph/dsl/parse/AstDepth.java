package io.factorgraph.dsl.parse;

import io.factorgraph.dsl.ast.Argument;
import io.factorgraph.dsl.ast.Binary;
import io.factorgraph.dsl.ast.Call;
import io.factorgraph.dsl.ast.ClockStatement;
import io.factorgraph.dsl.ast.Definition;
import io.factorgraph.dsl.ast.Expr;
import io.factorgraph.dsl.ast.ParamStatement;
import io.factorgraph.dsl.ast.SinkStatement;
import io.factorgraph.dsl.ast.Statement;
import io.factorgraph.dsl.ast.Unary;

/**
 * How deeply a statement's expression tree nests. Every later phase walks expressions
 * recursively, so the parser refuses trees deeper than {@link #MAX}: no sensible factor comes near
 * it, and a pathological one must end as a diagnostic, not as a StackOverflowError.
 */
final class AstDepth {
    /** The deepest expression tree the parser hands on; a chain {@code a + b + ...} nests one level per operator. */
    static final int MAX = 256;

    private AstDepth() {}

    static int of(Statement statement) {
        return switch (statement) {
            case ParamStatement param -> of(param.value());
            case ClockStatement clock -> of(clock.interval());
            case Definition definition -> of(definition.value());
            case SinkStatement sink -> of(sink.call());
            default -> 0;
        };
    }

    static int of(Expr expr) {
        return switch (expr) {
            case Binary binary -> 1 + Math.max(of(binary.left()), of(binary.right()));
            case Unary unary -> 1 + of(unary.operand());
            case Call call -> {
                int deepest = 0;
                for (Argument argument : call.arguments()) {
                    deepest = Math.max(deepest, of(argument.value()));
                }
                yield 1 + deepest;
            }
            default -> 1;
        };
    }
}
