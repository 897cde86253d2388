package io.factorgraph.dsl.parse;

import io.factorgraph.dsl.grammar.FactorGraphLexer;
import io.factorgraph.dsl.grammar.FactorGraphParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Says what the parser would have accepted, in words rather than ANTLR token names. */
final class ExpectedTokens {
    private static final int[] OPERATORS = {
        FactorGraphLexer.PLUS, FactorGraphLexer.MINUS, FactorGraphLexer.STAR, FactorGraphLexer.SLASH,
        FactorGraphLexer.LT, FactorGraphLexer.LE, FactorGraphLexer.GT, FactorGraphLexer.GE,
        FactorGraphLexer.EQ, FactorGraphLexer.NE, FactorGraphLexer.AND, FactorGraphLexer.OR,
    };

    /** Every token type the parser can be handed (separators, comments and stray characters never are). */
    private static final int[] CANDIDATES = candidates();

    private ExpectedTokens() {}

    /**
     * The token types that may stand at {@code position} of a statement's tokens, found by trying
     * each: the statement's tokens before {@code position}, then the candidate, then the end of the
     * statement, are parsed, and the candidate may stand there when the first error (if any) comes
     * after it. Exact where ANTLR's own expectation is not: ANTLR reports the tokens expected where
     * the failing decision began, so for {@code f(a,,b)} it says "expected ')' or ','" at the second
     * ',' (both are right after 'a', neither after 'a,'), and wherever an operand is missing it adds
     * the operators that could follow an enclosing expression. Empty when the position is not one
     * a statement can reach (it then says nothing better than ANTLR).
     */
    static Optional<IntervalSet> probe(List<Token> statement, int position) {
        if (position < 0 || position > statement.size()) {
            return Optional.empty();
        }
        List<Token> prefix = statement.subList(0, position);
        IntervalSet expected = new IntervalSet();
        if (firstErrorAt(prefix, null) < 0) {
            expected.add(Token.EOF);
        }
        for (int candidate : CANDIDATES) {
            int error = firstErrorAt(prefix, candidate);
            if (error < 0 || error > position) {
                expected.add(candidate);
            }
        }
        return expected.isNil() ? Optional.empty() : Optional.of(expected);
    }

    /** The index of the token at which parsing {@code prefix}, then {@code candidate}, then EOF first fails, or -1. */
    private static int firstErrorAt(List<Token> prefix, Integer candidate) {
        List<Token> tokens = new ArrayList<>(prefix.size() + 2);
        for (Token token : prefix) {
            tokens.add(new CommonToken(token));
        }
        if (candidate != null) {
            tokens.add(new CommonToken(candidate, "?"));
        }
        tokens.add(new CommonToken(Token.EOF, "<end of statement>"));
        FactorGraphParser parser = new FactorGraphParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.removeErrorListeners();
        parser.addErrorListener(FIRST_ERROR);
        try {
            parser.statementEof();
            return -1;
        } catch (FirstError first) {
            return first.tokenIndex;
        }
    }

    /** Stops the parse at its first error: nothing after it matters to a probe. */
    private static final BaseErrorListener FIRST_ERROR = new BaseErrorListener() {
        @Override
        public void syntaxError(
                Recognizer<?, ?> recognizer,
                Object offendingSymbol,
                int line,
                int charPositionInLine,
                String msg,
                RecognitionException e) {
            throw new FirstError(offendingSymbol instanceof Token token ? token.getTokenIndex() : Integer.MAX_VALUE);
        }
    };

    private static final class FirstError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int tokenIndex;

        FirstError(int tokenIndex) {
            super(null, null, false, false);
            this.tokenIndex = tokenIndex;
        }
    }

    private static int[] candidates() {
        List<Integer> types = new ArrayList<>();
        for (int type = 1; type <= FactorGraphLexer.VOCABULARY.getMaxTokenType(); type++) {
            switch (type) {
                case FactorGraphLexer.NEWLINE,
                        FactorGraphLexer.SEMI,
                        FactorGraphLexer.COMMENT,
                        FactorGraphLexer.WS,
                        FactorGraphLexer.STRAY -> {}
                default -> types.add(type);
            }
        }
        return types.stream().mapToInt(Integer::intValue).toArray();
    }

    static String describe(IntervalSet expected) {
        if (expected == null || expected.isNil()) {
            return "";
        }
        List<String> words = new ArrayList<>();
        boolean statement = expected.contains(FactorGraphLexer.PARAM);
        boolean expression = expected.contains(FactorGraphLexer.NUMBER) && expected.contains(FactorGraphLexer.LPAREN);
        if (expression) {
            words.add("an expression");
        }
        boolean operators = false;
        for (int operator : OPERATORS) {
            // where an operand may stand, '-' is its sign, not a binary operator
            operators |= expected.contains(operator) && !(expression && operator == FactorGraphLexer.MINUS);
        }
        for (int type : expected.toList()) {
            if (expression && startsExpression(type)) {
                continue;
            }
            if (isOperator(type)) {
                continue;
            }
            if (statement && type == FactorGraphLexer.IDENT) {
                continue; // a definition is a statement that starts with a name
            }
            if (operators && type == FactorGraphLexer.LPAREN) {
                continue; // after a name, '(' would make it a call: true, but never what was missing
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
            case FactorGraphLexer.NUMBER,
                    FactorGraphLexer.DURATION,
                    FactorGraphLexer.IDENT,
                    FactorGraphLexer.LPAREN,
                    FactorGraphLexer.MINUS,
                    FactorGraphLexer.NOT,
                    FactorGraphLexer.TRUE,
                    FactorGraphLexer.FALSE -> true;
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
            case FactorGraphLexer.PARAM,
                    FactorGraphLexer.INPUT,
                    FactorGraphLexer.CLOCK,
                    FactorGraphLexer.OUTPUT,
                    FactorGraphLexer.SINK -> "a statement";
            case FactorGraphLexer.TRUE, FactorGraphLexer.FALSE -> "true or false";
            default -> null;
        };
    }
}
