package io.factorgraph.dsl.parse;

import io.factorgraph.dsl.source.SourceText;
import io.factorgraph.dsl.source.Span;
import org.antlr.v4.runtime.Token;

/**
 * Spans of tokens. ANTLR counts code points while Java strings (and so {@link SourceText}) count
 * UTF-16 units; the two differ only after a character outside the BMP, which this maps.
 */
final class TokenSpans {
    private final SourceText source;
    private final int[] charOffsetOfCodePoint;

    TokenSpans(SourceText source) {
        this.source = source;
        String text = source.text();
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints == text.length()) {
            charOffsetOfCodePoint = null;
        } else {
            charOffsetOfCodePoint = new int[codePoints + 1];
            int chars = 0;
            for (int i = 0; i < codePoints; i++) {
                charOffsetOfCodePoint[i] = chars;
                chars += Character.charCount(text.codePointAt(chars));
            }
            charOffsetOfCodePoint[codePoints] = chars;
        }
    }

    Span of(Token token) {
        int start = charOffset(token.getStartIndex());
        int end = charOffset(token.getStopIndex() + 1);
        return source.spanAt(start, Math.max(0, end - start));
    }

    Span cover(Token first, Token last) {
        int start = charOffset(first.getStartIndex());
        int end = charOffset(last.getStopIndex() + 1);
        return source.spanAt(start, Math.max(0, end - start));
    }

    private int charOffset(int codePointOffset) {
        if (charOffsetOfCodePoint == null) {
            return Math.min(codePointOffset, source.text().length());
        }
        int clamped = Math.max(0, Math.min(codePointOffset, charOffsetOfCodePoint.length - 1));
        return charOffsetOfCodePoint[clamped];
    }
}
