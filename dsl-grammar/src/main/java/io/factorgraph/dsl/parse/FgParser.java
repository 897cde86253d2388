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
        for (Token token : tokens) {
            switch (token.getType()) {
                case FactorGraphLexer.STRAY -> diagnostics.add(Diagnostic.error(spans.of(token),
                        "unexpected character '" + printable(token.getText()) + "'",
                        Note.help("a .fg file holds names, numbers, durations, operators + - * / < <= > >= == !=,"
                                + " parentheses, ',', ':', ';', '=' and # comments")));
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
        for (Token token : tokens) {
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = token.getType();
            if (type == FactorGraphLexer.NEWLINE || type == FactorGraphLexer.SEMI || type == Token.EOF) {
                if (!group.isEmpty()) {
                    statements.add(parseStatement(source, spans, group, token, unclosed, diagnostics));
                    group = new ArrayList<>();
                }
            } else {
                group.add(token);
            }
        }
        diagnostics.sort(Comparator.comparingInt((Diagnostic d) -> d.span().offset()));
        return new ParseResult(new Program(source, statements), diagnostics);
    }

    private static Statement parseStatement(SourceText source, TokenSpans spans, List<Token> group, Token terminator,
            Token unclosed, List<Diagnostic> diagnostics) {
        List<Token> input = new ArrayList<>(group);
        CommonToken eof = new CommonToken(Token.EOF, "<end of statement>");
        Token last = group.getLast();
        eof.setLine(terminator.getLine());
        eof.setCharPositionInLine(terminator.getCharPositionInLine());
        eof.setStartIndex(terminator.getType() == Token.EOF ? last.getStopIndex() + 1 : terminator.getStartIndex());
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
            if (collector.first().isPresent()) {
                diagnostics.add(collector.first().get());
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
        if (builder.diagnostics().stream().anyMatch(Diagnostic::isError)) {
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

    private static String printable(String text) {
        if (text.equals("'")) {
            return "\\'";
        }
        return text.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f) ? text
                : String.format("\\u{%x}", text.codePointAt(0));
    }
}
