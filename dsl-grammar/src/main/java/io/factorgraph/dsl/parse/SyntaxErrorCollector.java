package io.factorgraph.dsl.parse;

import io.factorgraph.dsl.diagnostic.Diagnostic;
import io.factorgraph.dsl.diagnostic.Note;
import io.factorgraph.dsl.diagnostic.Severity;
import io.factorgraph.dsl.grammar.FactorGraphLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
     * can be stale by a token or more. {@code statement} is the statement's tokens and
     * {@code position} the offending token's index among them ({@code statement.size()} for the end).
     */
    Diagnostic diagnostic(Optional<IntervalSet> expected, List<Token> statement, int position) {
        IntervalSet set = expected.orElse(antlrExpected);
        Token first = statement.getFirst();
        if (isKeyword(first.getType())
                && statement.size() > 1
                && statement.get(1).getType() == FactorGraphLexer.ASSIGN
                && position <= 1) {
            return keywordAsName(first);
        }
        Token unmatched = unmatchedClosing(statement);
        if (unmatched != null && position >= statement.indexOf(unmatched)) {
            return Diagnostic.error(
                    spans.of(unmatched),
                    "unmatched ')'",
                    Note.help("no '(' is open here; remove it, or add the '(' it was meant to close"));
        }
        if (offending.getType() == FactorGraphLexer.COLON
                && position + 1 < statement.size()
                && statement.get(position + 1).getType() == FactorGraphLexer.ASSIGN
                && statement.get(position + 1).getStartIndex() == offending.getStopIndex() + 1
                && set.contains(FactorGraphLexer.ASSIGN)) {
            return Diagnostic.error(
                    spans.cover(offending, statement.get(position + 1)),
                    "expected '=', found ':='",
                    Note.help("a definition is written NAME = EXPR, with a plain '='"));
        }
        Diagnostic unit = unknownUnit(statement, position);
        if (unit != null) {
            return unit;
        }
        String found = describeFound(offending);
        String expectation = ExpectedTokens.describe(set);
        String message = expectation.isEmpty() ? "unexpected " + found : "expected " + expectation + ", found " + found;
        return Diagnostic.error(
                spans.of(offending), message, hints(set, statement, position).toArray(Note[]::new));
    }

    private Diagnostic keywordAsName(Token keyword) {
        String word = keyword.getText();
        List<Note> notes = new ArrayList<>();
        String form = statementForm(keyword.getType());
        if (form != null) {
            notes.add(Note.note("'" + word + "' starts a statement: " + form));
        }
        notes.add(Note.help("choose another name"));
        return new Diagnostic(Severity.ERROR, spans.of(keyword), "'" + word + "' is a keyword, not a name", notes);
    }

    private List<Note> hints(IntervalSet expected, List<Token> statement, int position) {
        List<Note> notes = new ArrayList<>();
        int kind = statement.getFirst().getType();
        Token previous = position > 0 ? statement.get(position - 1) : null;
        if (offending.getType() == FactorGraphLexer.IDENT
                && previous != null
                && previous.getType() == FactorGraphLexer.NUMBER
                && DURATION_UNITS.contains(offending.getText())) {
            boolean exponent =
                    previous.getText().contains("e") || previous.getText().contains("E");
            notes.add(Note.help("a duration is written " + (exponent ? "without an exponent" : "with no space")
                    + " before its unit (ns, us, ms, s, m, h), e.g. 100ms or 1500us"));
        } else if (isKeyword(offending.getType()) && expected.contains(FactorGraphLexer.IDENT)) {
            notes.add(Note.help("'" + offending.getText() + "' is a keyword, not a name; choose another name"));
        } else if (kind == FactorGraphLexer.IDENT && position == 1) {
            String name = statement.getFirst().getText();
            Optional<String> keyword =
                    offending.getType() == FactorGraphLexer.IDENT ? misspelledKeyword(name) : Optional.empty();
            if (keyword.isPresent()) {
                notes.add(Note.help("'" + name + "' is not a keyword; did you mean '" + keyword.get() + "'?"));
            } else if (offending.getType() == FactorGraphLexer.LPAREN) {
                notes.add(Note.help("a call on its own is not a statement: give it a name, NAME = " + name
                        + "(...), or, for the graph's consumer, write sink " + name + "(...)"));
            } else {
                notes.add(Note.help("a definition is written NAME = EXPR, e.g. obi = OBI(book, 0.001)"));
            }
        } else if (isStatementKeyword(kind) && position <= formLength(kind)) {
            notes.add(Note.help("write it as " + statementForm(kind)));
        } else if (offending.getType() == FactorGraphLexer.COMMA
                && previous != null
                && previous.getType() == FactorGraphLexer.COMMA) {
            notes.add(Note.help("remove the extra ','"));
        } else if (startsOperand(offending.getType()) && expected.contains(FactorGraphLexer.COMMA)) {
            notes.add(Note.help("separate arguments with ','"));
        }
        return notes;
    }

    /**
     * {@code 60x}, {@code 5min}, {@code 60d}: a number with letters right after it, which the lexer splits into a
     * number (or a duration, {@code 5m}) and a name. Said as what it is, an unknown unit, with the units there are;
     * null when the offending token is not such a tail.
     */
    private Diagnostic unknownUnit(List<Token> statement, int position) {
        if (offending.getType() != FactorGraphLexer.IDENT || position == 0 || position > statement.size()) {
            return null;
        }
        Token previous = statement.get(position - 1);
        boolean literal =
                previous.getType() == FactorGraphLexer.NUMBER || previous.getType() == FactorGraphLexer.DURATION;
        if (!literal || previous.getStopIndex() + 1 != offending.getStartIndex()) {
            return null;
        }
        String written = previous.getText() + offending.getText();
        String unit = written.replaceFirst("^[0-9.]+([eE][+-]?[0-9]+)?", "");
        if (UNITS.contains(unit)) {
            return null; // 1e3s: a known unit after an exponent, which hints() explains
        }
        return Diagnostic.error(
                spans.cover(previous, offending),
                "'" + written + "' is not a number or a duration: unknown unit '" + unit + "'",
                Note.help("a duration is a number and one of the units ns, us, ms, s, m, h (e.g. 60s, 100ms, 5m);"
                        + " a count is a whole number (e.g. 600)"));
    }

    private static final List<String> UNITS = List.of("ns", "us", "ms", "s", "m", "h");

    private static final List<String> DURATION_UNITS = List.of("ns", "us", "ms", "s", "m", "h", "min", "sec");

    private static boolean startsOperand(int type) {
        return switch (type) {
            case FactorGraphLexer.IDENT,
                    FactorGraphLexer.NUMBER,
                    FactorGraphLexer.DURATION,
                    FactorGraphLexer.TRUE,
                    FactorGraphLexer.FALSE,
                    FactorGraphLexer.NOT -> true;
            default -> false;
        };
    }

    /** How many tokens after a statement keyword make up the statement's fixed form. */
    private static int formLength(int keyword) {
        return switch (keyword) {
            case FactorGraphLexer.PARAM, FactorGraphLexer.SINK -> 2;
            case FactorGraphLexer.INPUT -> 3;
            case FactorGraphLexer.CLOCK -> 1;
            default -> Integer.MAX_VALUE; // output: the list is the form
        };
    }

    private static String statementForm(int keyword) {
        return switch (keyword) {
            case FactorGraphLexer.PARAM -> "param NAME = VALUE";
            case FactorGraphLexer.INPUT -> "input NAME: TYPE, e.g. input funding: double";
            case FactorGraphLexer.CLOCK -> "clock every DURATION, e.g. clock every 100ms";
            case FactorGraphLexer.OUTPUT -> "output NAME, NAME, ...";
            case FactorGraphLexer.SINK -> "sink FUNCTION(ARGUMENTS)";
            default -> null;
        };
    }

    /** The statement keyword that {@code name} seems to be a misspelling of, such as 'pram' or 'Input'. */
    static Optional<String> misspelledKeyword(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String closest = null;
        int best = lower.length() >= 3 ? 2 : 0; // 'pram', 'ouput', 'Input'; not 'x' for 'sink'
        for (String keyword : List.of("param", "input", "clock", "output", "sink")) {
            int distance = editDistance(lower, keyword);
            if (distance <= best) {
                closest = keyword;
                best = distance - 1;
            }
        }
        return Optional.ofNullable(closest);
    }

    private static int editDistance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(
                        Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    /** The first ')' of the statement with no '(' of the statement open before it, or null. */
    private static Token unmatchedClosing(List<Token> statement) {
        int depth = 0;
        for (Token token : statement) {
            if (token.getType() == FactorGraphLexer.LPAREN) {
                depth++;
            } else if (token.getType() == FactorGraphLexer.RPAREN) {
                if (depth == 0) {
                    return token;
                }
                depth--;
            }
        }
        return null;
    }

    static boolean isKeyword(int type) {
        return isStatementKeyword(type)
                || switch (type) {
                    case FactorGraphLexer.EVERY,
                            FactorGraphLexer.AND,
                            FactorGraphLexer.OR,
                            FactorGraphLexer.NOT,
                            FactorGraphLexer.TRUE,
                            FactorGraphLexer.FALSE -> true;
                    default -> false;
                };
    }

    static boolean isStatementKeyword(int type) {
        return switch (type) {
            case FactorGraphLexer.PARAM,
                    FactorGraphLexer.INPUT,
                    FactorGraphLexer.CLOCK,
                    FactorGraphLexer.OUTPUT,
                    FactorGraphLexer.SINK -> true;
            default -> false;
        };
    }

    @Override
    public void syntaxError(
            Recognizer<?, ?> recognizer,
            Object offendingSymbol,
            int line,
            int charPositionInLine,
            String msg,
            RecognitionException e) {
        if (offending != null || !(offendingSymbol instanceof Token token)) {
            return;
        }
        offending = token;
        antlrExpected = e != null && e.getExpectedTokens() != null
                ? e.getExpectedTokens()
                : ((Parser) recognizer).getExpectedTokens();
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
