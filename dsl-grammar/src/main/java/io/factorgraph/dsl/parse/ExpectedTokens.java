package io.factorgraph.dsl.parse;

import io.factorgraph.dsl.grammar.FactorGraphLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Says what the parser would have accepted, in words rather than ANTLR token names. */
final class ExpectedTokens {
    private static final int[] OPERATORS = {
        FactorGraphLexer.PLUS, FactorGraphLexer.MINUS, FactorGraphLexer.STAR, FactorGraphLexer.SLASH,
        FactorGraphLexer.LT, FactorGraphLexer.LE, FactorGraphLexer.GT, FactorGraphLexer.GE,
        FactorGraphLexer.EQ, FactorGraphLexer.NE, FactorGraphLexer.AND, FactorGraphLexer.OR,
    };

    private ExpectedTokens() {
    }

    static String describe(IntervalSet expected) {
        if (expected == null || expected.isNil()) {
            return "";
        }
        List<String> words = new ArrayList<>();
        boolean expression = expected.contains(FactorGraphLexer.NUMBER) && expected.contains(FactorGraphLexer.LPAREN);
        if (expression) {
            words.add("an expression");
        }
        boolean operators = false;
        for (int operator : OPERATORS) {
            // After '+', '-' and 'not' start an operand; they only mean "an operator" where no expression can start.
            operators |= expected.contains(operator) && !(expression && startsExpression(operator));
        }
        for (int type : expected.toList()) {
            if (expression && startsExpression(type)) {
                continue;
            }
            if (isOperator(type)) {
                continue;
            }
            String word = word(type);
            if (word != null && !words.contains(word)) {
                words.add(word);
            }
        }
        if (operators) {
            words.add("an operator");
        }
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.getLast();
    }

    private static boolean startsExpression(int type) {
        return switch (type) {
            case FactorGraphLexer.NUMBER, FactorGraphLexer.DURATION, FactorGraphLexer.IDENT, FactorGraphLexer.LPAREN,
                    FactorGraphLexer.MINUS, FactorGraphLexer.NOT, FactorGraphLexer.TRUE, FactorGraphLexer.FALSE -> true;
            default -> false;
        };
    }

    private static boolean isOperator(int type) {
        for (int operator : OPERATORS) {
            if (operator == type) {
                return true;
            }
        }
        return false;
    }

    private static String word(int type) {
        return switch (type) {
            case Token.EOF -> "end of statement";
            case FactorGraphLexer.IDENT -> "a name";
            case FactorGraphLexer.NUMBER -> "a number";
            case FactorGraphLexer.DURATION -> "a duration";
            case FactorGraphLexer.LPAREN -> "'('";
            case FactorGraphLexer.RPAREN -> "')'";
            case FactorGraphLexer.COMMA -> "','";
            case FactorGraphLexer.COLON -> "':'";
            case FactorGraphLexer.ASSIGN -> "'='";
            case FactorGraphLexer.EVERY -> "'every'";
            case FactorGraphLexer.PARAM, FactorGraphLexer.INPUT, FactorGraphLexer.CLOCK, FactorGraphLexer.OUTPUT,
                    FactorGraphLexer.SINK -> "a statement";
            case FactorGraphLexer.TRUE, FactorGraphLexer.FALSE -> "true or false";
            default -> null;
        };
    }
}
