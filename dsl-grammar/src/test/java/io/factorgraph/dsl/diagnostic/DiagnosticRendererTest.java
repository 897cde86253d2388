package io.factorgraph.dsl.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.dsl.parse.FgParser;
import io.factorgraph.dsl.source.SourceText;
import io.factorgraph.dsl.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the caret lands, whatever the characters before it on the line. */
class DiagnosticRendererTest {

    private static String renderParsed(String text) {
        SourceText source = SourceText.of("graph.fg", text);
        return DiagnosticRenderer.render(source, FgParser.parse(source).diagnostics());
    }

    /** The display cell of the caret in a rendered excerpt, counted from the start of the quoted line. */
    private static int caretCell(String rendered) {
        String[] lines = rendered.split("\n");
        String caretLine = lines[2];
        int bar = caretLine.indexOf(" | ") + 3;
        return caretLine.indexOf('^') - bar;
    }

    @Test
    void tabsBeforeTheSpanAreExpandedTheSameWayInBothLines() {
        // A tab is one column in the header (as rustc counts), four cells in the excerpt.
        assertEquals("""
                graph.fg:1:10: error: unexpected character '$'
                   1 |     x = 1 +    $
                     |                ^
                """ + help(), renderParsed("\tx = 1 +\t$"));
    }

    @Test
    void tabsInsideTheSpanWidenTheUnderline() {
        SourceText source = SourceText.of("graph.fg", "a\t=\tb");
        Diagnostic diagnostic = Diagnostic.error(source.spanAt(0, 5), "the whole line");
        assertEquals("""
                graph.fg:1:1: error: the whole line
                   1 | a    =    b
                     | ^~~~~~~~~~~
                """, DiagnosticRenderer.render(source, diagnostic));
    }

    @Test
    void tabsOnlyAfterTheSpanDoNotMoveTheCaret() {
        SourceText source = SourceText.of("graph.fg", "x = oops\t# comment");
        Diagnostic diagnostic = Diagnostic.error(source.spanAt(4, 4), "oops");
        assertEquals("""
                graph.fg:1:5: error: oops
                   1 | x = oops    # comment
                     |     ^~~~
                """, DiagnosticRenderer.render(source, diagnostic));
    }

    @Test
    void emojiEarlierOnTheLineCountAsOneColumnAndTwoCells() {
        // '😀' is two UTF-16 units, one character (column) and two terminal cells.
        String rendered = renderParsed("x = 😀 + $");
        assertEquals("""
                graph.fg:1:5: error: unexpected character '😀'
                   1 | x = 😀 + $
                     |     ^~
                """ + help() + """
                graph.fg:1:9: error: unexpected character '$'
                   1 | x = 😀 + $
                     |          ^
                """ + help(), rendered);
    }

    @Test
    void nonBmpLetterOfWidthOne() {
        // MATHEMATICAL ITALIC SMALL X: outside the BMP, yet one cell wide.
        String rendered = renderParsed("x = \uD835\uDC65 $");
        assertEquals(
                "graph.fg:1:7: error: unexpected character '$'",
                rendered.lines().toList().get(4));
        assertEquals(6, caretCell(rendered.substring(rendered.indexOf("graph.fg:1:7"))));
    }

    @Test
    void wideAndCombiningCharacters() {
        String wide = renderParsed("x = 中文 $");
        assertEquals(
                "graph.fg:1:5: error: unexpected characters '中文'",
                wide.lines().toList().getFirst());
        assertEquals("     |     ^~~~", wide.lines().toList().get(2));
        String afterWide = wide.substring(wide.indexOf("graph.fg:1:8"));
        assertEquals(9, caretCell(afterWide));

        // 'e' + COMBINING ACUTE ACCENT: two characters, one cell. The lone accent is quoted by code point.
        String combining = renderParsed("x = e\u0301 $");
        assertEquals(
                "graph.fg:1:6: error: unexpected character '\\u{301}'",
                combining.lines().toList().getFirst());
        String dollar = combining.substring(combining.indexOf("graph.fg:1:8"));
        assertEquals(6, caretCell(dollar));
    }

    @Test
    void controlCharactersInTheLineAreShownAsTheirSymbol() {
        assertEquals("""
                graph.fg:1:7: error: unexpected character '\\u{7}'
                   1 | x = 1 \u2407 + 2
                     |       ^
                     = help: this is an invisible character; delete it or use a plain space
                """, renderParsed("x = 1 \u0007 + 2"));
    }

    @Test
    void aCaretAtTheEndOfTheLineAndBeyondIt() {
        SourceText source = SourceText.of("graph.fg", "x = 1 +\ny");
        assertEquals("""
                graph.fg:1:8: error: end
                   1 | x = 1 +
                     |        ^
                """, DiagnosticRenderer.render(source, Diagnostic.error(source.spanAt(7, 0), "end")));
        assertEquals("""
                graph.fg:2:2: error: end of file
                   2 | y
                     |  ^
                """, DiagnosticRenderer.render(source, Diagnostic.error(source.spanAt(9, 5), "end of file")));
    }

    @Test
    void aSpanOverSeveralLinesIsUnderlinedToTheEndOfItsFirstLine() {
        SourceText source = SourceText.of("graph.fg", "x = f(a,\n      b)\n");
        assertEquals("""
                graph.fg:1:5: error: call
                   1 | x = f(a,
                     |     ^~~~
                """, DiagnosticRenderer.render(source, Diagnostic.error(source.spanAt(4, 13), "call")));
    }

    @Test
    void notesWithAndWithoutSpans() {
        SourceText source = SourceText.of("graph.fg", "a = 1\nb = 2\na = 3\n");
        Diagnostic diagnostic = Diagnostic.error(
                source.spanAt(12, 1),
                "'a' is defined twice",
                Note.note("first defined here", source.spanAt(0, 1)),
                Note.help("rename one of them"));
        assertEquals("""
                graph.fg:3:1: error: 'a' is defined twice
                   3 | a = 3
                     | ^
                graph.fg:1:1: note: first defined here
                   1 | a = 1
                     | ^
                     = help: rename one of them
                """, DiagnosticRenderer.render(source, diagnostic));
        assertEquals("graph.fg:3:1: error: 'a' is defined twice", DiagnosticRenderer.headline(source, diagnostic));
    }

    @Test
    void wideLineNumbersWidenTheGutter() {
        String text = "\n".repeat(99) + "x = $";
        assertEquals("""
                graph.fg:100:5: error: unexpected character '$'
                   100 | x = $
                       |     ^
                """ + help().replace("     =", "       ="), renderParsed(text));
    }

    @Test
    void severalDiagnosticsRenderInTheirOrder() {
        SourceText source = SourceText.of("graph.fg", "a\nb");
        List<Diagnostic> diagnostics = List.of(
                Diagnostic.warning(source.spanAt(0, 1), "first"), Diagnostic.error(new Span(2, 1, 2, 1), "second"));
        assertEquals("""
                graph.fg:1:1: warning: first
                   1 | a
                     | ^
                graph.fg:2:1: error: second
                   2 | b
                     | ^
                """, DiagnosticRenderer.render(source, diagnostics));
    }

    private static String help() {
        return "     = help: a .fg file holds names, numbers, durations, operators + - * / < <= > >= == !=,"
                + " parentheses, ',', ':', ';', '=' and # comments\n";
    }
}
