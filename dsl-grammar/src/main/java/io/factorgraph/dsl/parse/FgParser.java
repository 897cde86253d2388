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
    private FgParser() {
    }

    public static ParseResult parse(SourceText source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        TokenSpans spans = new TokenSpans(source);
        FactorGraphLexer lexer = new FactorGraphLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        CommonTokenStream stream = new CommonTokenStream(lexer);
        stream.fill();
        List<Token> tokens = stream.getTokens();

        Deque<Token> openParens = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            switch (token.getType()) {
                case FactorGraphLexer.STRAY -> {
                    int end = i;
                    while (end + 1 < tokens.size() && tokens.get(end + 1).getType() == FactorGraphLexer.STRAY
                            && tokens.get(end + 1).getStartIndex() == tokens.get(end).getStopIndex() + 1) {
                        end++;
                    }
                    diagnostics.add(strayCharacters(spans, tokens.subList(i, end + 1)));
                    i = end;
                }
                case FactorGraphLexer.LPAREN -> openParens.push(token);
                case FactorGraphLexer.RPAREN -> {
                    if (!openParens.isEmpty()) {
                        openParens.pop();
                    }
                }
                default -> {
                }
            }
        }
        Token unclosed = openParens.isEmpty() ? null : openParens.peekLast();

        List<Statement> statements = new ArrayList<>();
        List<Token> group = new ArrayList<>();
        Token firstStray = null;
        for (Token token : tokens) {
            if (token.getType() == FactorGraphLexer.STRAY && firstStray == null) {
                firstStray = token;
            }
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = token.getType();
            if (type == FactorGraphLexer.NEWLINE || type == FactorGraphLexer.SEMI || type == Token.EOF) {
                if (!group.isEmpty()) {
                    statements.add(parseStatement(source, spans, group, token, unclosed, firstStray, diagnostics));
                    group = new ArrayList<>();
                }
                firstStray = null;
            } else {
                group.add(token);
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
    private static Statement parseStatement(SourceText source, TokenSpans spans, List<Token> group, Token terminator,
            Token unclosed, Token firstStray, List<Diagnostic> diagnostics) {
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
        boolean containsUnclosed = unclosed != null && group.contains(unclosed);
        if (containsUnclosed) {
            diagnostics.add(unclosedDiagnostic(spans, group, unclosed));
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
                    diagnostics.add(collector.diagnostic(ExpectedTokens.probe(group, position)));
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
        return Diagnostic.error(statement, "this statement nests too deeply: more than " + AstDepth.MAX
                + " levels of parentheses, calls and operators",
                Note.help("split it into several named definitions"));
    }

    /**
     * A '(' that is never closed swallows every later line into its call, so the parser's own
     * complaint lands far away from the mistake. Point at the '(' and at the line where the next
     * statement seems to start instead.
     */
    private static Diagnostic unclosedDiagnostic(TokenSpans spans, List<Token> group, Token unclosed) {
        int openLine = unclosed.getLine();
        Token nextLineStart = null;
        for (Token token : group) {
            if (token.getLine() > openLine && token.getTokenIndex() > unclosed.getTokenIndex()) {
                nextLineStart = token;
                break;
            }
        }
        String function = functionBefore(group, unclosed);
        List<Note> notes = new ArrayList<>();
        notes.add(Note.help("add ')' to close " + (function == null ? "the parenthesis" : "the call to '" + function + "'")
                + "; a statement may continue over several lines only inside its parentheses"));
        if (nextLineStart != null) {
            notes.add(Note.note("everything from here on was read as part of that call", spans.of(nextLineStart)));
        }
        return new Diagnostic(io.factorgraph.dsl.diagnostic.Severity.ERROR, spans.of(unclosed),
                "unclosed '(': expected ')' before the end of the file", notes);
    }

    private static String functionBefore(List<Token> group, Token paren) {
        int index = group.indexOf(paren);
        if (index > 0 && group.get(index - 1).getType() == FactorGraphLexer.IDENT) {
            return group.get(index - 1).getText();
        }
        return null;
    }

    private static Statement invalid(List<Token> group, Span span, TokenSpans spans) {
        Optional<Identifier> name = Optional.empty();
        if (group.size() >= 2) {
            Token first = group.get(0);
            Token second = group.get(1);
            if (first.getType() == FactorGraphLexer.IDENT && second.getType() == FactorGraphLexer.ASSIGN) {
                name = Optional.of(new Identifier(first.getText(), spans.of(first)));
            } else if ((first.getType() == FactorGraphLexer.PARAM || first.getType() == FactorGraphLexer.INPUT)
                    && second.getType() == FactorGraphLexer.IDENT) {
                name = Optional.of(new Identifier(second.getText(), spans.of(second)));
            }
        }
        return new InvalidStatement(name, span);
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
        return Diagnostic.error(spans.cover(run.getFirst(), run.getLast()),
                "unexpected character" + (several ? "s" : "") + " '" + printable(text) + "'", help);
    }

    /** The text as it can be quoted in a message: anything invisible or unprintable as a backslash-u-{hex} escape. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '\'' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (invisible(c) || c == 0x7f || Character.getType(c) == Character.UNASSIGNED
                    || Character.getType(c) == Character.PRIVATE_USE) {
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
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }
}
