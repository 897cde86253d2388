package io.factorgraph.backtest.report;

/**
 * A small JSON writer into a {@link StringBuilder}: keys come out in the order they are written, numbers
 * in Java's shortest round-trip form, non-finite doubles as {@code null}.
 *
 * <p>Strings are escaped so that the output is also safe inside an HTML {@code <script>} element:
 * besides {@code "}, {@code \} and control characters, {@code <}, {@code >}, {@code &}, U+2028, U+2029 and
 * unpaired surrogates are written as {@code \}{@code uXXXX} escapes.
 */
final class JsonWriter {
    private final StringBuilder out;
    private final boolean pretty;
    /** Per nesting level: whether the next element is the first one. */
    private boolean[] first = new boolean[8];

    private int depth;
    private boolean afterName;

    JsonWriter(StringBuilder out, boolean pretty) {
        this.out = out;
        this.pretty = pretty;
    }

    JsonWriter beginObject() {
        return open('{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        return open('[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        separate();
        quote(out, name);
        out.append(pretty ? ": " : ":");
        afterName = true;
        return this;
    }

    JsonWriter value(String s) {
        if (s == null) {
            return nullValue();
        }
        separate();
        quote(out, s);
        return this;
    }

    JsonWriter value(double d) {
        separate();
        number(out, d);
        return this;
    }

    JsonWriter value(long v) {
        separate();
        out.append(v);
        return this;
    }

    JsonWriter value(boolean b) {
        separate();
        out.append(b);
        return this;
    }

    JsonWriter nullValue() {
        separate();
        out.append("null");
        return this;
    }

    /** A number as JSON: Java's shortest round-trip form, or {@code null} when not finite. */
    static void number(StringBuilder out, double d) {
        if (Double.isFinite(d)) {
            out.append(Double.toString(d));
        } else {
            out.append("null");
        }
    }

    /** {@code s} as a quoted JSON string, escaped for JSON and for embedding in HTML script. */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> unicode(out, c);
                default -> {
                    if (c < 0x20) {
                        unicode(out, c);
                    } else if (Character.isHighSurrogate(c)
                            && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicode(out, c); // unpaired: would not survive UTF-8
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicode(StringBuilder out, char c) {
        out.append("\\u");
        String hex = Integer.toHexString(c);
        out.append("0".repeat(4 - hex.length())).append(hex);
    }

    private JsonWriter open(char bracket) {
        separate();
        out.append(bracket);
        if (++depth == first.length) {
            first = java.util.Arrays.copyOf(first, depth * 2);
        }
        first[depth] = true;
        return this;
    }

    private JsonWriter close(char bracket) {
        if (depth == 0) {
            throw new IllegalStateException("nothing open to close with " + bracket);
        }
        boolean empty = first[depth];
        depth--;
        if (pretty && !empty) {
            newline();
        }
        out.append(bracket);
        return this;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (!first[depth]) {
                out.append(',');
            }
            first[depth] = false;
            if (pretty) {
                newline();
            }
        }
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(depth));
    }
}
