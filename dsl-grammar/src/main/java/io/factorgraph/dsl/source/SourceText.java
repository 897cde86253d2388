package io.factorgraph.dsl.source;

import java.util.Arrays;
import java.util.Objects;

/**
 * The text of one {@code .fg} source and its name as the user knows it (a path, or a label such as
 * {@code <string>}). Keeps the line starts so that a diagnostic can quote its line in O(log n).
 */
public final class SourceText {
    private final String name;
    private final String text;
    private final int[] lineStarts;

    private SourceText(String name, String text) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
        this.lineStarts = computeLineStarts(text);
    }

    /**
     * A source from its text. A leading byte order mark (U+FEFF, which some editors write at the
     * start of UTF-8 files and {@code Files.readString} keeps) is an artifact of the encoding, not
     * content: it is dropped, so it is neither an unexpected character nor a column.
     */
    public static SourceText of(String name, String text) {
        Objects.requireNonNull(text, "text");
        return new SourceText(name, text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The 1-based line's text, without its line terminator. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            throw new IllegalArgumentException("line " + line + " is outside 1.." + lineStarts.length + " of " + name);
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** The offset of the 1-based line's first character. */
    public int lineOffset(int line) {
        if (line < 1 || line > lineStarts.length) {
            throw new IllegalArgumentException("line " + line + " is outside 1.." + lineStarts.length + " of " + name);
        }
        return lineStarts[line - 1];
    }

    /**
     * The span of {@code length} UTF-16 units starting at a 0-based offset. Its column counts
     * characters (code points) from the start of the line, as a user and rustc count them: an
     * emoji or another character outside the BMP is one column, as is a tab.
     */
    public Span spanAt(int offset, int length) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int index = Arrays.binarySearch(lineStarts, clamped);
        int lineIndex = index >= 0 ? index : -index - 2;
        int column = text.codePointCount(lineStarts[lineIndex], clamped) + 1;
        return new Span(clamped, Math.max(0, length), lineIndex + 1, column);
    }

    /** The span from the start of {@code first} to the end of {@code last}. */
    public static Span cover(Span first, Span last) {
        int end = Math.max(first.endOffset(), last.endOffset());
        return new Span(first.offset(), end - first.offset(), first.line(), first.column());
    }

    private static int[] computeLineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean newline = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (newline) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    @Override
    public String toString() {
        return name;
    }
}
