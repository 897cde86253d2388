package io.factorgraph.dsl.parse;

import io.factorgraph.dsl.ast.Argument;
import io.factorgraph.dsl.ast.Binary;
import io.factorgraph.dsl.ast.BinaryOperator;
import io.factorgraph.dsl.ast.BoolLiteral;
import io.factorgraph.dsl.ast.Call;
import io.factorgraph.dsl.ast.ClockStatement;
import io.factorgraph.dsl.ast.Definition;
import io.factorgraph.dsl.ast.DurationLiteral;
import io.factorgraph.dsl.ast.Expr;
import io.factorgraph.dsl.ast.Identifier;
import io.factorgraph.dsl.ast.InputStatement;
import io.factorgraph.dsl.ast.NameRef;
import io.factorgraph.dsl.ast.NumberLiteral;
import io.factorgraph.dsl.ast.OutputStatement;
import io.factorgraph.dsl.ast.ParamStatement;
import io.factorgraph.dsl.ast.SinkStatement;
import io.factorgraph.dsl.ast.Statement;
import io.factorgraph.dsl.ast.Unary;
import io.factorgraph.dsl.ast.UnaryOperator;
import io.factorgraph.dsl.diagnostic.Diagnostic;
import io.factorgraph.dsl.diagnostic.Note;
import io.factorgraph.dsl.grammar.FactorGraphLexer;
import io.factorgraph.dsl.grammar.FactorGraphParser;
import io.factorgraph.dsl.source.SourceText;
import io.factorgraph.dsl.source.Span;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds AST records from one statement's parse tree, checking the literals on the way. */
final class AstBuilder {
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

    private final SourceText source;
    private final TokenSpans spans;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    AstBuilder(SourceText source, TokenSpans spans) {
        this.source = source;
        this.spans = spans;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    Statement statement(FactorGraphParser.StatementContext context) {
        Span span = span(context);
        return switch (context) {
            case FactorGraphParser.ParamStatementContext param ->
                new ParamStatement(identifier(param.name), expr(param.expr()), span);
            case FactorGraphParser.InputStatementContext input ->
                new InputStatement(identifier(input.name), identifier(input.type), span);
            case FactorGraphParser.ClockStatementContext clock -> new ClockStatement(expr(clock.expr()), span);
            case FactorGraphParser.OutputStatementContext output -> {
                List<Identifier> names = new ArrayList<>();
                for (TerminalNode name : output.IDENT()) {
                    names.add(identifier(name.getSymbol()));
                }
                yield new OutputStatement(names, span);
            }
            case FactorGraphParser.SinkStatementContext sink -> new SinkStatement(call(sink.call()), span);
            case FactorGraphParser.DefinitionStatementContext definition ->
                new Definition(identifier(definition.name), expr(definition.expr()), span);
            default -> throw new IllegalStateException("statement form without an AST record: " + context.getClass());
        };
    }

    private Expr expr(FactorGraphParser.ExprContext context) {
        Span span = span(context);
        return switch (context) {
            case FactorGraphParser.ParenExprContext paren -> expr(paren.expr());
            case FactorGraphParser.CallExprContext call -> call(call.call());
            case FactorGraphParser.NumberExprContext number ->
                number(number.NUMBER().getSymbol(), span);
            case FactorGraphParser.DurationExprContext duration ->
                duration(duration.DURATION().getSymbol(), span);
            case FactorGraphParser.BoolExprContext bool -> new BoolLiteral(bool.TRUE() != null, span);
            case FactorGraphParser.NameExprContext name ->
                new NameRef(name.IDENT().getText(), span);
            case FactorGraphParser.NegateExprContext negate ->
                new Unary(UnaryOperator.NEGATE, expr(negate.expr()), span);
            case FactorGraphParser.NotExprContext not -> new Unary(UnaryOperator.NOT, expr(not.expr()), span);
            case FactorGraphParser.BinaryExprContext binary ->
                new Binary(binaryOperator(binary.op), expr(binary.left), expr(binary.right), spans.of(binary.op), span);
            default -> throw new IllegalStateException("expression form without an AST record: " + context.getClass());
        };
    }

    private Call call(FactorGraphParser.CallContext context) {
        List<Argument> arguments = new ArrayList<>();
        for (FactorGraphParser.ArgumentContext argument : context.argument()) {
            Optional<Identifier> name =
                    argument.name == null ? Optional.empty() : Optional.of(identifier(argument.name));
            arguments.add(new Argument(name, expr(argument.expr()), span(argument)));
        }
        return new Call(identifier(context.function), arguments, span(context));
    }

    private NumberLiteral number(Token token, Span span) {
        String text = token.getText();
        double value = Double.parseDouble(text.replace("_", ""));
        if (Double.isInfinite(value)) {
            diagnostics.add(Diagnostic.error(
                    span,
                    "number " + text + " is too large for a double",
                    Note.help("the largest double is about 1.8e308")));
        } else if (value == 0 && text.split("[eE]")[0].chars().anyMatch(c -> c >= '1' && c <= '9')) {
            diagnostics.add(Diagnostic.error(
                    span,
                    "number " + text + " is too small for a double: it would be read as 0",
                    Note.help("the smallest positive double is about 4.9e-324; write 0 if 0 is meant")));
        }
        return new NumberLiteral(value, text, span);
    }

    private DurationLiteral duration(Token token, Span span) {
        String text = token.getText();
        int unitStart = text.length();
        while (unitStart > 0 && Character.isLetter(text.charAt(unitStart - 1))) {
            unitStart--;
        }
        String unit = text.substring(unitStart);
        BigDecimal amount = new BigDecimal(text.substring(0, unitStart).replace("_", ""));
        long unitNanos =
                switch (unit) {
                    case "ns" -> 1L;
                    case "us" -> 1_000L;
                    case "ms" -> 1_000_000L;
                    case "s" -> 1_000_000_000L;
                    case "m" -> 60_000_000_000L;
                    case "h" -> 3_600_000_000_000L;
                    default -> throw new IllegalStateException("the lexer accepted duration unit " + unit);
                };
        BigDecimal nanos = amount.multiply(BigDecimal.valueOf(unitNanos));
        if (nanos.compareTo(MAX_NANOS) > 0) {
            diagnostics.add(Diagnostic.error(
                    span,
                    "duration " + text + " is too long",
                    Note.help("durations are held in nanoseconds and must stay below about 292 years")));
            return new DurationLiteral(Long.MAX_VALUE, text, span);
        }
        BigInteger whole;
        try {
            whole = nanos.toBigIntegerExact();
        } catch (ArithmeticException notWhole) {
            diagnostics.add(Diagnostic.error(
                    span,
                    "duration " + text + " is not a whole number of nanoseconds",
                    Note.help("durations are held as whole nanoseconds; the nearest is "
                            + nanos.setScale(0, RoundingMode.HALF_UP).toPlainString() + "ns")));
            return new DurationLiteral(nanos.longValue(), text, span);
        }
        return new DurationLiteral(whole.longValueExact(), text, span);
    }

    private static BinaryOperator binaryOperator(Token op) {
        return switch (op.getType()) {
            case FactorGraphLexer.PLUS -> BinaryOperator.ADD;
            case FactorGraphLexer.MINUS -> BinaryOperator.SUBTRACT;
            case FactorGraphLexer.STAR -> BinaryOperator.MULTIPLY;
            case FactorGraphLexer.SLASH -> BinaryOperator.DIVIDE;
            case FactorGraphLexer.LT -> BinaryOperator.LESS;
            case FactorGraphLexer.LE -> BinaryOperator.LESS_OR_EQUAL;
            case FactorGraphLexer.GT -> BinaryOperator.GREATER;
            case FactorGraphLexer.GE -> BinaryOperator.GREATER_OR_EQUAL;
            case FactorGraphLexer.EQ -> BinaryOperator.EQUAL;
            case FactorGraphLexer.NE -> BinaryOperator.NOT_EQUAL;
            case FactorGraphLexer.AND -> BinaryOperator.AND;
            case FactorGraphLexer.OR -> BinaryOperator.OR;
            default -> throw new IllegalStateException("the grammar produced operator " + op.getText());
        };
    }

    private Identifier identifier(Token token) {
        return new Identifier(token.getText(), spans.of(token));
    }

    private Span span(ParserRuleContext context) {
        return spans.cover(context.getStart(), context.getStop() != null ? context.getStop() : context.getStart());
    }
}
