package io.factorgraph.dsl.source;

/**
 * A run of characters in a {@link SourceText}: where a diagnostic points and how far its caret
 * underline reaches. {@code offset} and {@code length} are in UTF-16 units, as Java strings index
 * the text; lines and columns are 1-based, as editors and compilers print them, and a column counts
 * code points (see {@link SourceText#spanAt}).
 */
public record Span(int offset, int length, int line, int column) {
    public Span {
        if (offset < 0 || length < 0 || line < 1 || column < 1) {
            throw new IllegalArgumentException("span must have offset >= 0, length >= 0, line >= 1, column >= 1, was "
                    + offset + "+" + length + " at " + line + ":" + column);
        }
    }

    public int endOffset() {
        return offset + length;
    }

    /** {@code line:column}, as it appears in a diagnostic. */
    public String position() {
        return line + ":" + column;
    }
}
