package io.factorgraph.dsl.parse;

import io.factorgraph.dsl.diagnostic.Diagnostic;
import io.factorgraph.dsl.diagnostic.Note;
import io.factorgraph.dsl.grammar.FactorGraphLexer;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Keeps the first syntax error of a statement, reworded from ANTLR's token names into what a user
 * reads: "expected an expression", "expected ')' or ','". Later errors in the same statement are
 * mostly echoes of the first and are dropped.
 */
final class SyntaxErrorCollector extends BaseErrorListener {
    private final TokenSpans spans;
    private Token offending;
    private IntervalSet antlrExpected;

    SyntaxErrorCollector(TokenSpans spans) {
        this.spans = spans;
    }

    /** Where the first error was found, if there was one. */
    Optional<Token> offending() {
        return Optional.ofNullable(offending);
    }

    /** Whether the first error was found at the end of the statement (the parser wanted more). */
    boolean atEnd() {
        return offending != null && offending.getType() == Token.EOF;
    }

    /**
     * The first error as a diagnostic. {@code expected} is what may stand at the offending token,
     * when the caller could work it out exactly (see {@link ExpectedTokens#probe}); otherwise
     * ANTLR's own expectation is used, which is computed where the failing decision began and so
     * can be stale by a token or more.
     */
    Diagnostic diagnostic(Optional<IntervalSet> expected) {
        IntervalSet set = expected.orElse(antlrExpected);
        String found = describeFound(offending);
        String expectation = ExpectedTokens.describe(set);
        String message = expectation.isEmpty() ? "unexpected " + found : "expected " + expectation + ", found " + found;
        return Diagnostic.error(spans.of(offending), message, hintFor(offending, set));
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        if (offending != null || !(offendingSymbol instanceof Token token)) {
            return;
        }
        offending = token;
        antlrExpected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens()
                : ((Parser) recognizer).getExpectedTokens();
    }

    private static Note[] hintFor(Token token, IntervalSet expected) {
        if (token.getType() == Token.EOF && expected.contains(FactorGraphLexer.RPAREN)) {
            return new Note[] {Note.help("close the call with ')'")};
        }
        if (token.getType() == FactorGraphLexer.COLON && expected.contains(FactorGraphLexer.ASSIGN)) {
            return new Note[] {Note.help("a definition is written NAME = EXPR")};
        }
        if (expected.contains(FactorGraphLexer.ASSIGN) && expected.size() == 1) {
            return new Note[] {Note.help("a definition is written NAME = EXPR, e.g. obi = OBI(book, 0.001)")};
        }
        if (token.getType() == FactorGraphLexer.IDENT && expected.contains(FactorGraphLexer.COMMA)) {
            return new Note[] {Note.help("separate arguments with ','")};
        }
        return new Note[0];
    }

    static String describeFound(Token token) {
        return switch (token.getType()) {
            case Token.EOF -> "end of statement";
            case FactorGraphLexer.IDENT -> "name '" + token.getText() + "'";
            case FactorGraphLexer.NUMBER -> "number " + token.getText();
            case FactorGraphLexer.DURATION -> "duration " + token.getText();
            default -> {
                String text = token.getText();
                yield Character.isLetter(text.charAt(0)) ? "keyword '" + text + "'" : "'" + text + "'";
            }
        };
    }
}
