package io.factorgraph.dsl.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SourceTextTest {
    @Test
    void linesAndLineOffsetsForEveryLineEnding() {
        SourceText source = SourceText.of("s.fg", "a\nbb\r\nccc\rd");
        assertEquals(4, source.lineCount());
        assertEquals("a", source.line(1));
        assertEquals("bb", source.line(2));
        assertEquals("ccc", source.line(3));
        assertEquals("d", source.line(4));
        assertEquals(0, source.lineOffset(1));
        assertEquals(2, source.lineOffset(2));
        assertEquals(6, source.lineOffset(3));
        assertEquals(10, source.lineOffset(4));
        assertThrows(IllegalArgumentException.class, () -> source.line(5));
        assertThrows(IllegalArgumentException.class, () -> source.lineOffset(0));
    }

    @Test
    void aTrailingNewlineStartsAnEmptyLastLine() {
        SourceText source = SourceText.of("s.fg", "a\n");
        assertEquals(2, source.lineCount());
        assertEquals("", source.line(2));
        assertEquals(new Span(2, 0, 2, 1), source.spanAt(2, 0));
    }

    @Test
    void spanAtGivesLineAndColumn() {
        SourceText source = SourceText.of("s.fg", "ab\r\ncd");
        assertEquals(new Span(0, 1, 1, 1), source.spanAt(0, 1));
        assertEquals(new Span(2, 0, 1, 3), source.spanAt(2, 0));
        assertEquals(new Span(3, 0, 1, 4), source.spanAt(3, 0), "the '\\n' of a CRLF is still on line 1");
        assertEquals(new Span(5, 1, 2, 2), source.spanAt(5, 1));
    }

    @Test
    void spanAtClampsOutOfRangeOffsets() {
        SourceText source = SourceText.of("s.fg", "ab");
        assertEquals(new Span(2, 3, 1, 3), source.spanAt(99, 3));
        assertEquals(new Span(0, 0, 1, 1), source.spanAt(-4, -1));
    }

    @Test
    void columnsCountCharactersNotUtf16Units() {
        SourceText source = SourceText.of("s.fg", "# 😀😀\nx😀 = y");
        int y = source.text().indexOf('y');
        assertEquals(new Span(y, 1, 2, 6), source.spanAt(y, 1));
        int emoji = source.text().indexOf("😀", 7);
        assertEquals(new Span(emoji, 2, 2, 2), source.spanAt(emoji, 2));
    }

    @Test
    void aLeadingByteOrderMarkIsDropped() {
        SourceText source = SourceText.of("s.fg", "\uFEFFx = 1");
        assertEquals("x = 1", source.text());
        assertEquals("x = 1\uFEFF", SourceText.of("s.fg", "x = 1\uFEFF").text(), "only at the start");
    }

    @Test
    void coverSpansFromTheFirstToTheEndOfTheLast() {
        SourceText source = SourceText.of("s.fg", "abc def");
        assertEquals(new Span(0, 7, 1, 1), SourceText.cover(source.spanAt(0, 3), source.spanAt(4, 3)));
    }
}
