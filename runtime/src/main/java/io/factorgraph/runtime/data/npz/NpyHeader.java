package io.factorgraph.runtime.data.npz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a {@code .npy} array: the Python dict literal numpy writes after the magic bytes, such
 * as {@code {'descr': [('ev', '<u8'), ...], 'fortran_order': False, 'shape': (1000,), }}.
 *
 * <p>It is parsed as the small Python-literal language numpy uses (dicts, lists, tuples, strings,
 * integers, {@code True}/{@code False}/{@code None}), not matched with a pattern, so that a header numpy
 * wrote differently is still read correctly, and one that is not the layout we want is reported as what
 * it is. Lists and tuples both come back as {@link List}, integers as {@link Long}.
 *
 * @param descr the dtype description: a type string such as {@code '<f8'}, or a list of
 *     {@code (name, type)} (or {@code (name, type, shape)}) lists for a structured dtype
 * @param fortranOrder whether the data is in column-major order
 * @param shape the array's dimensions
 */
record NpyHeader(Object descr, boolean fortranOrder, List<Long> shape) {
    NpyHeader {
        shape = List.copyOf(shape);
    }

    /**
     * Parses a header dict.
     *
     * @throws IllegalArgumentException saying what is wrong when it is not a valid {@code .npy} header
     */
    static NpyHeader parse(String text) {
        Object value = new Parser(text).parseAll();
        if (!(value instanceof Map<?, ?> dict)) {
            throw new IllegalArgumentException("the .npy header is not a dict: " + text.strip());
        }
        for (String key : List.of("descr", "fortran_order", "shape")) {
            if (!dict.containsKey(key)) {
                throw new IllegalArgumentException("the .npy header has no '" + key + "': " + text.strip());
            }
        }
        if (dict.size() != 3) {
            throw new IllegalArgumentException(
                    "the .npy header has keys other than descr, fortran_order and shape: " + text.strip());
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new IllegalArgumentException("the .npy header's fortran_order is not True or False: " + text.strip());
        }
        if (!(dict.get("shape") instanceof List<?> dims)) {
            throw new IllegalArgumentException("the .npy header's shape is not a tuple: " + text.strip());
        }
        List<Long> shape = new ArrayList<>();
        for (Object dim : dims) {
            if (!(dim instanceof Long n) || n < 0) {
                throw new IllegalArgumentException("the .npy header's shape is not a tuple of sizes: " + text.strip());
            }
            shape.add(n);
        }
        return new NpyHeader(dict.get("descr"), fortran, shape);
    }

    /** {@code value} written back the way Python would print it, for messages. */
    static String repr(Object value) {
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value == null) {
            return "None";
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(repr(list.get(i)));
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(first ? "" : ", ")
                        .append(repr(e.getKey()))
                        .append(": ")
                        .append(repr(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        return String.valueOf(value);
    }

    /** A recursive-descent parser for the Python literals numpy writes in headers. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Object parseAll() {
            Object value = value(0);
            skipSpace();
            if (pos != s.length()) {
                throw error("unexpected text after the header dict");
            }
            return value;
        }

        private Object value(int depth) {
            if (depth > 16) {
                throw error("nesting too deep");
            }
            skipSpace();
            if (pos >= s.length()) {
                throw error("the header ends early");
            }
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> dict(depth);
                case '[' -> sequence(']', depth);
                case '(' -> sequence(')', depth);
                case '\'', '"' -> string();
                default -> {
                    if (c == '-' || Character.isDigit(c)) {
                        yield integer();
                    }
                    yield word();
                }
            };
        }

        private Map<String, Object> dict(int depth) {
            pos++;
            Map<String, Object> map = new LinkedHashMap<>();
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    return map;
                }
                Object key = value(depth + 1);
                if (!(key instanceof String k)) {
                    throw error("a dict key that is not a string");
                }
                skipSpace();
                expect(':');
                map.put(k, value(depth + 1));
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> sequence(char close, int depth) {
            pos++;
            List<Object> items = new ArrayList<>();
            while (true) {
                skipSpace();
                if (peek() == close) {
                    pos++;
                    return items;
                }
                items.add(value(depth + 1));
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != close) {
                    throw error("expected ',' or '" + close + "'");
                }
            }
        }

        private String string() {
            char quote = s.charAt(pos++);
            int start = pos;
            while (pos < s.length() && s.charAt(pos) != quote) {
                if (s.charAt(pos) == '\\') {
                    throw error("escapes in strings are not supported");
                }
                pos++;
            }
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            return s.substring(start, pos++);
        }

        private Long integer() {
            int start = pos;
            if (s.charAt(pos) == '-') {
                pos++;
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos < s.length() && s.charAt(pos) == 'L') {
                pos++; // Python 2 long suffix, written by old numpy
                return parseLong(s.substring(start, pos - 1));
            }
            return parseLong(s.substring(start, pos));
        }

        private Long parseLong(String digits) {
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw error("'" + digits + "' is not a 64-bit integer");
            }
        }

        private Object word() {
            for (String w : List.of("True", "False", "None")) {
                if (s.startsWith(w, pos)) {
                    pos += w.length();
                    return switch (w) {
                        case "True" -> Boolean.TRUE;
                        case "False" -> Boolean.FALSE;
                        default -> null;
                    };
                }
            }
            throw error("unexpected character '" + s.charAt(pos) + "'");
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(
                    "malformed .npy header at character " + (pos + 1) + ": " + what + ": " + s.strip());
        }
    }
}
