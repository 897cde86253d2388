package io.factorgraph.dsl.parse;

import io.factorgraph.dsl.ast.Identifier;
import io.factorgraph.dsl.ast.InvalidStatement;
import io.factorgraph.dsl.ast.Program;
import io.factorgraph.dsl.ast.Statement;
import io.factorgraph.dsl.diagnostic.Diagnostic;
import io.factorgraph.dsl.diagnostic.Note;
import io.factorgraph.dsl.grammar.FactorGraphLexer;
import io.factorgraph.dsl.grammar.FactorGraphParser;
import io.factorgraph.dsl.source.SourceText;
import io.factorgraph.dsl.source.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;

/**
 * Turns {@code .fg} text into a {@link Program}. The whole file is lexed once; the tokens are cut
 * into statements at every newline or {@code ;} outside parentheses, and each statement is parsed
 * on its own. A syntax error therefore costs exactly its statement: the rest of the file is still
 * parsed and checked, and the user sees every mistake in one pass. Nothing is printed.
 */
public final class FgParser {
    private FgParser() {}

    public static ParseResult parse(SourceText source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        TokenSpans spans = new TokenSpans(source);
        FactorGraphLexer lexer = new FactorGraphLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        CommonTokenStream stream = new CommonTokenStream(lexer);
        stream.fill();
        List<Token> tokens = stream.getTokens();

        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).getType() == FactorGraphLexer.STRAY) {
                int end = i;
                while (end + 1 < tokens.size()
                        && tokens.get(end + 1).getType() == FactorGraphLexer.STRAY
                        && tokens.get(end + 1).getStartIndex()
                                == tokens.get(end).getStopIndex() + 1) {
                    end++;
                }
                diagnostics.add(strayCharacters(spans, tokens.subList(i, end + 1)));
                i = end;
            }
        }

        List<Token> significant = new ArrayList<>();
        List<Token> strayBefore =
                new ArrayList<>(); // per significant token: the first stray character since the last one
        Token stray = null;
        for (Token token : tokens) {
            if (token.getType() == FactorGraphLexer.STRAY && stray == null) {
                stray = token;
            }
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                significant.add(token);
                strayBefore.add(stray);
                stray = null;
            }
        }
        List<Statement> statements = new ArrayList<>();
        List<Token> group = new ArrayList<>();
        Token firstStray = null;
        Deque<Token> open = new ArrayDeque<>(); // the statement's '(' not closed yet, latest first
        for (int i = 0; i < significant.size(); i++) {
            Token token = significant.get(i);
            if (firstStray == null) {
                firstStray = strayBefore.get(i);
            }
            int type = token.getType();
            Token resumeAt = null;
            if (type == FactorGraphLexer.NEWLINE && !open.isEmpty()) {
                // Inside parentheses a newline is no separator, unless the next line is plainly the
                // next statement: then a ')' is missing, and parsing goes on from there.
                resumeAt = nextStatementStart(significant, i, group, spans);
                if (resumeAt == null) {
                    continue;
                }
            }
            if (type == FactorGraphLexer.NEWLINE || type == FactorGraphLexer.SEMI || type == Token.EOF) {
                if (!group.isEmpty()) {
                    Token unclosed = open.isEmpty() ? null : open.getLast();
                    statements.add(
                            parseStatement(source, spans, group, token, unclosed, resumeAt, firstStray, diagnostics));
                    group = new ArrayList<>();
                }
                firstStray = null;
                open.clear();
                continue;
            }
            group.add(token);
            if (type == FactorGraphLexer.LPAREN) {
                open.push(token);
            } else if (type == FactorGraphLexer.RPAREN && !open.isEmpty()) {
                open.pop();
            }
        }
        diagnostics.sort(Comparator.comparingInt((Diagnostic d) -> d.span().offset()));
        return new ParseResult(new Program(source, statements), diagnostics);
    }

    /**
     * Parses one statement. {@code firstStray} is the first unexpected character on the statement's
     * lines, already reported: the parser never sees it, so what it parses is not what the user wrote.
     * Such a statement is kept only as an {@link InvalidStatement}, and a syntax error after the
     * character, or at the end of the statement, is taken for its echo ({@code x = a$b} reads as
     * {@code x = a b}, {@code y = $} as {@code y =}) and not reported.
     */
    private static Statement parseStatement(
            SourceText source,
            TokenSpans spans,
            List<Token> group,
            Token terminator,
            Token unclosed,
            Token resumeAt,
            Token firstStray,
            List<Diagnostic> diagnostics) {
        List<Token> input = new ArrayList<>(group);
        CommonToken eof = new CommonToken(Token.EOF, "<end of statement>");
        Token last = group.getLast();
        // "found end of statement" points at the ';' that ended it, or else right after its last token:
        // the newline (or the end of the file) may come after trailing blanks and a comment.
        boolean semicolon = terminator.getType() == FactorGraphLexer.SEMI;
        eof.setLine(semicolon ? terminator.getLine() : last.getLine());
        eof.setStartIndex(semicolon ? terminator.getStartIndex() : last.getStopIndex() + 1);
        eof.setStopIndex(eof.getStartIndex() - 1);
        input.add(eof);

        Span span = spans.cover(group.getFirst(), last);
        if (unclosed != null) {
            diagnostics.add(unclosedDiagnostic(spans, group, unclosed, resumeAt));
            return invalid(group, span, spans);
        }

        FactorGraphParser parser = new FactorGraphParser(new CommonTokenStream(new ListTokenSource(input)));
        parser.removeErrorListeners();
        SyntaxErrorCollector collector = new SyntaxErrorCollector(spans);
        parser.addErrorListener(collector);
        AstBuilder builder = new AstBuilder(source, spans);
        Statement statement;
        try {
            FactorGraphParser.StatementEofContext tree = parser.statementEof();
            if (collector.offending().isPresent()) {
                Token offending = collector.offending().get();
                boolean echo = firstStray != null
                        && (offending.getStartIndex() >= firstStray.getStartIndex() || collector.atEnd());
                if (!echo) {
                    int position = offending.getType() == Token.EOF ? group.size() : group.indexOf(offending);
                    diagnostics.add(collector.diagnostic(ExpectedTokens.probe(group, position), group, position));
                }
                return invalid(group, span, spans);
            }
            statement = builder.statement(tree.statement());
        } catch (StackOverflowError tooDeep) {
            // ANTLR and the AST builder recurse once per level of nesting; a pathological statement
            // (thousands of '(' or '-') exhausts the stack before any depth check could run.
            diagnostics.add(tooDeeplyNested(span));
            return invalid(group, span, spans);
        }
        diagnostics.addAll(builder.diagnostics());
        if (builder.diagnostics().stream().anyMatch(Diagnostic::isError) || firstStray != null) {
            return invalid(group, span, spans);
        }
        if (AstDepth.of(statement) > AstDepth.MAX) {
            diagnostics.add(tooDeeplyNested(span));
            return invalid(group, span, spans);
        }
        return statement;
    }

    private static Diagnostic tooDeeplyNested(Span statement) {
        return Diagnostic.error(
                statement,
                "this statement nests too deeply: more than " + AstDepth.MAX
                        + " levels of parentheses, calls and operators",
                Note.help("split it into several named definitions"));
    }

    /**
     * Where a statement with an open '(' seems to end after all: at the newline
     * {@code significant[newline]}, if the line before it is complete (it does not end in ',', '(',
     * '=', ':', an operator or a keyword, all of which ask for more) and the next line starts like a
     * statement ({@code NAME =} or a statement keyword) no further right than this statement.
     * Returns the first token of the next statement, or null.
     *
     * <p>This never cuts a valid program: inside a call, a line can only start with a named argument
     * after a ',' or the '(' itself, and a statement keyword cannot start an argument. It does catch
     * the '(' closed by mistake by a stray ')' lines later ({@code obi = OBI(book} ...
     * {@code mid = mid(book))}), which no matching of parentheses could tell from a long call.
     */
    private static Token nextStatementStart(List<Token> significant, int newline, List<Token> group, TokenSpans spans) {
        if (group.isEmpty() || asksForMore(group.getLast().getType())) {
            return null;
        }
        int next = newline + 1;
        while (next < significant.size() && significant.get(next).getType() == FactorGraphLexer.NEWLINE) {
            next++;
        }
        if (next >= significant.size()) {
            return null;
        }
        Token start = significant.get(next);
        boolean looksLikeStatement =
                switch (start.getType()) {
                    case FactorGraphLexer.PARAM,
                            FactorGraphLexer.INPUT,
                            FactorGraphLexer.CLOCK,
                            FactorGraphLexer.OUTPUT,
                            FactorGraphLexer.SINK -> true;
                    case FactorGraphLexer.IDENT ->
                        next + 1 < significant.size()
                                && significant.get(next + 1).getType() == FactorGraphLexer.ASSIGN;
                    default -> false;
                };
        if (!looksLikeStatement
                || spans.of(start).column() > spans.of(group.getFirst()).column()) {
            return null;
        }
        return start;
    }

    private static boolean asksForMore(int type) {
        return switch (type) {
            case FactorGraphLexer.COMMA,
                    FactorGraphLexer.LPAREN,
                    FactorGraphLexer.ASSIGN,
                    FactorGraphLexer.COLON,
                    FactorGraphLexer.PLUS,
                    FactorGraphLexer.MINUS,
                    FactorGraphLexer.STAR,
                    FactorGraphLexer.SLASH,
                    FactorGraphLexer.LT,
                    FactorGraphLexer.LE,
                    FactorGraphLexer.GT,
                    FactorGraphLexer.GE,
                    FactorGraphLexer.EQ,
                    FactorGraphLexer.NE,
                    FactorGraphLexer.AND,
                    FactorGraphLexer.OR,
                    FactorGraphLexer.NOT,
                    FactorGraphLexer.PARAM,
                    FactorGraphLexer.INPUT,
                    FactorGraphLexer.CLOCK,
                    FactorGraphLexer.EVERY,
                    FactorGraphLexer.OUTPUT,
                    FactorGraphLexer.SINK -> true;
            default -> false;
        };
    }

    /**
     * A '(' that is never closed would make the parser complain far from the mistake, about
     * whatever the following lines look like as arguments. Point at the '(' instead and, when the
     * statement was cut short, at where the next statement seems to start, where parsing resumed.
     */
    private static Diagnostic unclosedDiagnostic(TokenSpans spans, List<Token> group, Token unclosed, Token resumeAt) {
        String function = functionBefore(group, unclosed);
        List<Note> notes = new ArrayList<>();
        notes.add(Note.help("add ')' to close it"));
        if (resumeAt != null) {
            notes.add(Note.note("the next statement seems to start here", spans.of(resumeAt)));
        }
        return new Diagnostic(
                io.factorgraph.dsl.diagnostic.Severity.ERROR,
                spans.of(unclosed),
                "unclosed '('" + (function == null ? "" : " in the call to '" + function + "'"),
                notes);
    }

    private static String functionBefore(List<Token> group, Token paren) {
        int index = group.indexOf(paren);
        if (index > 0 && group.get(index - 1).getType() == FactorGraphLexer.IDENT) {
            return group.get(index - 1).getText();
        }
        return null;
    }

    /**
     * A statement with an error, keeping the name it meant to define so that its uses are not
     * reported as unknown: {@code x = ...}, {@code param x ...}, {@code input x ...}, and the forms a
     * slip leaves behind: a missing '=' ({@code obi OBI(book)}, {@code x 3}), {@code x: ...},
     * {@code x := ...}, {@code x == ...}, and a misspelled keyword ({@code pram depth = 3}).
     */
    private static Statement invalid(List<Token> group, Span span, TokenSpans spans) {
        Token name = null;
        int first = group.getFirst().getType();
        int second = group.size() > 1 ? group.get(1).getType() : Token.INVALID_TYPE;
        int third = group.size() > 2 ? group.get(2).getType() : Token.INVALID_TYPE;
        if ((first == FactorGraphLexer.PARAM || first == FactorGraphLexer.INPUT) && second == FactorGraphLexer.IDENT) {
            name = group.get(1);
        } else if (first == FactorGraphLexer.IDENT) {
            switch (second) {
                case FactorGraphLexer.ASSIGN,
                        FactorGraphLexer.COLON,
                        FactorGraphLexer.EQ,
                        FactorGraphLexer.NUMBER,
                        FactorGraphLexer.DURATION,
                        FactorGraphLexer.TRUE,
                        FactorGraphLexer.FALSE -> name = group.get(0);
                case FactorGraphLexer.IDENT ->
                    name = third == FactorGraphLexer.ASSIGN || third == FactorGraphLexer.COLON
                            ? group.get(1)
                            : group.get(0);
                default -> {}
            }
        }
        return new InvalidStatement(Optional.ofNullable(name).map(t -> new Identifier(t.getText(), spans.of(t))), span);
    }

    private static Diagnostic strayCharacters(TokenSpans spans, List<Token> run) {
        String text = run.stream().map(Token::getText).reduce("", String::concat);
        boolean several = text.codePointCount(0, text.length()) > 1;
        Note help = text.codePoints().allMatch(FgParser::invisible)
                ? Note.help((several ? "these are invisible characters" : "this is an invisible character")
                        + "; delete " + (several ? "them" : "it") + " or use a plain space")
                : text.contains("\"") || text.contains("'")
                        ? Note.help("a .fg file has no strings: names, such as input types, are written without quotes")
                        : Note.help("a .fg file holds names, numbers, durations, operators + - * / < <= > >= == !=,"
                                + " parentheses, ',', ':', ';', '=' and # comments");
        int count = text.codePointCount(0, text.length());
        String quoted = count <= 16
                ? "'" + printable(text) + "'"
                : "'" + printable(text.substring(0, text.offsetByCodePoints(0, 16))) + "...' (" + count + " of them)";
        return Diagnostic.error(
                spans.cover(run.getFirst(), run.getLast()),
                "unexpected character" + (several ? "s" : "") + " " + quoted,
                help);
    }

    /** The text as it can be quoted in a message: anything invisible or unprintable as a backslash-u-{hex} escape. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '\'' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (invisible(c)
                    || c == 0x7f
                    || switch (Character.getType(c)) {
                        case Character.UNASSIGNED,
                                Character.PRIVATE_USE,
                                Character.NON_SPACING_MARK,
                                Character.ENCLOSING_MARK -> true; // a mark alone would sit on the quote
                        default -> false;
                    }) {
                out.append(String.format("\\u{%x}", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Characters that print as nothing or as blank space: a user cannot see which one is there. */
    private static boolean invisible(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }
}
