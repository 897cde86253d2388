package io.factorgraph.runtime.data.binance;

import io.factorgraph.runtime.data.MarketDataException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

// About 500 lines: one allocation-free state machine over a line's bytes, with its number and string readers;
// the parts share the cursor and the error position, and split apart they would pass both on every call.
/**
 * A strict, allocation-free JSON scanner over one line of bytes, for the few message shapes of the
 * Binance feeds.
 *
 * <p>It reads what the reader asks for (an object's keys, an integer, a decimal string, a boolean) and
 * validates everything it skips, so a malformed line is rejected with the column and what was expected
 * rather than half-read. Keys are matched to small integer codes without building strings: one-letter
 * keys are their character ({@code 'u'}, {@code 'E'}), longer ones the {@code K_} constants. Decimal
 * strings parse to the correctly rounded double ({@link Double#parseDouble} agrees bit for bit): digits
 * accumulate into a long and, when the value has at most 15 significant digits and 22 decimals, one
 * exactly rounded division by a power of ten gives the answer (Clinger's fast path); anything longer
 * falls back to {@code Double.parseDouble}.
 */
final class JsonScanner {
    static final int K_OTHER = 0;
    static final int K_STREAM = 1000;
    static final int K_DATA = 1001;
    static final int K_LAST_UPDATE_ID = 1002;
    static final int K_BIDS = 1003;
    static final int K_ASKS = 1004;
    static final int K_PU = 1005;
    static final int K_CODE = 1006;
    static final int K_MSG = 1007;

    private static final byte[] STREAM = ascii("stream");
    private static final byte[] DATA = ascii("data");
    private static final byte[] LAST_UPDATE_ID = ascii("lastUpdateId");
    private static final byte[] BIDS = ascii("bids");
    private static final byte[] ASKS = ascii("asks");
    private static final byte[] PU = ascii("pu");
    private static final byte[] CODE = ascii("code");
    private static final byte[] MSG = ascii("msg");

    private static final double[] POW10 = new double[23];
    private static final long[] POW10_LONG = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L};
    private static final long MAX_EXACT = 1L << 53;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final int MAX_NESTING = 32;

    static {
        double p = 1.0;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10.0;
        }
    }

    private byte[] buf;
    private int pos;
    private int end;
    private int lineStart;
    private String file;
    private long line;
    private int strStart;
    private int strEnd;

    /** Points the scanner at {@code buf[from, to)}, part of the line that starts at {@code lineStart}. */
    void reset(byte[] buf, int lineStart, int from, int to, String file, long line) {
        this.buf = buf;
        this.lineStart = lineStart;
        this.pos = from;
        this.end = to;
        this.file = file;
        this.line = line;
    }

    int position() {
        return pos;
    }

    void seek(int position) {
        pos = position;
    }

    /** The location prefix for errors on this line: {@code file:line}. */
    String location() {
        return file + ":" + line;
    }

    // ---- structure ---------------------------------------------------------------------------------

    /** Consumes {@code '{'}; returns false (having consumed {@code '}'}) when the object is empty. */
    boolean beginObject() throws MarketDataException {
        expect('{');
        skipWhitespace();
        if (pos < end && buf[pos] == '}') {
            pos++;
            return false;
        }
        return true;
    }

    /** After a member's value: consumes {@code ','} and returns true, or {@code '}'} and returns false. */
    boolean nextMember() throws MarketDataException {
        skipWhitespace();
        if (pos < end) {
            byte c = buf[pos++];
            if (c == ',') {
                return true;
            }
            if (c == '}') {
                return false;
            }
            pos--;
        }
        throw malformed("expected ',' or '}' but found " + found());
    }

    /** Consumes {@code '['}; returns false (having consumed {@code ']'}) when the array is empty. */
    boolean beginArray() throws MarketDataException {
        expect('[');
        skipWhitespace();
        if (pos < end && buf[pos] == ']') {
            pos++;
            return false;
        }
        return true;
    }

    /** After an element: consumes {@code ','} and returns true, or {@code ']'} and returns false. */
    boolean nextElement() throws MarketDataException {
        skipWhitespace();
        if (pos < end) {
            byte c = buf[pos++];
            if (c == ',') {
                return true;
            }
            if (c == ']') {
                return false;
            }
            pos--;
        }
        throw malformed("expected ',' or ']' but found " + found());
    }

    void expect(char c) throws MarketDataException {
        skipWhitespace();
        if (pos < end && buf[pos] == c) {
            pos++;
            return;
        }
        throw malformed("expected '" + c + "' but found " + found());
    }

    /** Requires that nothing but whitespace is left on the line. */
    void expectEnd() throws MarketDataException {
        skipWhitespace();
        if (pos < end) {
            throw malformed("unexpected " + found() + " after the end of the JSON object");
        }
    }

    /** Reads a member's key and the {@code ':'} after it; returns its code (see the class comment). */
    int readKey() throws MarketDataException {
        skipWhitespace();
        if (pos >= end || buf[pos] != '"') {
            throw malformed("expected a quoted key but found " + found());
        }
        scanString();
        expect(':');
        int len = strEnd - strStart;
        if (len == 1) {
            return buf[strStart] & 0xFF;
        }
        if (matches(PU)) {
            return K_PU;
        }
        if (matches(STREAM)) {
            return K_STREAM;
        }
        if (matches(DATA)) {
            return K_DATA;
        }
        if (matches(LAST_UPDATE_ID)) {
            return K_LAST_UPDATE_ID;
        }
        if (matches(BIDS)) {
            return K_BIDS;
        }
        if (matches(ASKS)) {
            return K_ASKS;
        }
        if (matches(CODE)) {
            return K_CODE;
        }
        if (matches(MSG)) {
            return K_MSG;
        }
        return K_OTHER;
    }

    // ---- values ------------------------------------------------------------------------------------

    /** Reads a string value; its raw bytes are then {@link #stringStart()} to {@link #stringEnd()}. */
    void readString(String field) throws MarketDataException {
        skipWhitespace();
        if (pos >= end || buf[pos] != '"') {
            throw malformed("expected a string for \"" + field + "\" but found " + found());
        }
        scanString();
    }

    int stringStart() {
        return strStart;
    }

    int stringEnd() {
        return strEnd;
    }

    /** Whether the last string read equals {@code ascii}, byte for byte. */
    boolean stringEquals(byte[] ascii) {
        return matches(ascii);
    }

    /** The last string read, for messages (allocates). */
    String lastString() {
        return new String(buf, strStart, strEnd - strStart, StandardCharsets.UTF_8);
    }

    /** Reads an unquoted JSON integer that fits in a long. */
    long readLong(String field) throws MarketDataException {
        skipWhitespace();
        int start = pos;
        boolean negative = pos < end && buf[pos] == '-';
        if (negative) {
            pos++;
        }
        long value = 0;
        int digits = 0;
        while (pos < end) {
            int d = buf[pos] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            if (digits >= 18 && value > (Long.MAX_VALUE - d) / 10) { // 18 digits always fit
                pos = start;
                throw malformed("integer for \"" + field + "\" does not fit in 64 bits");
            }
            value = value * 10 + d;
            digits++;
            pos++;
        }
        if (digits == 0 || (pos < end && (buf[pos] == '.' || buf[pos] == 'e' || buf[pos] == 'E'))) {
            pos = start;
            throw malformed("expected an integer for \"" + field + "\" but found " + found());
        }
        return negative ? -value : value;
    }

    boolean readBoolean(String field) throws MarketDataException {
        skipWhitespace();
        if (literal("true")) {
            return true;
        }
        if (literal("false")) {
            return false;
        }
        throw malformed("expected true or false for \"" + field + "\" but found " + found());
    }

    /**
     * Reads a decimal in a JSON string ({@code "61800.20"}), as Binance sends prices and quantities,
     * and returns the correctly rounded double; a leading {@code '-'} is accepted so that the caller can
     * say the value is negative rather than malformed.
     *
     * @param what {@code "price"} or {@code "quantity"}, for the message when the string is not a decimal
     */
    double readDecimalString(String what) throws MarketDataException {
        skipWhitespace();
        if (pos >= end || buf[pos] != '"') {
            throw malformed("expected a quoted decimal " + what + " but found " + found());
        }
        final double quick = readPlainDecimal();
        if (quick >= 0.0) {
            return quick;
        }
        scanString();
        int p = strStart;
        int stop = strEnd;
        boolean negative = p < stop && buf[p] == '-';
        if (negative) {
            p++;
        }
        long mantissa = 0;
        int significant = 0;
        int scale = 0;
        int intDigits = 0;
        int fracDigits = 0;
        boolean dot = false;
        boolean slow = false;
        for (; p < stop; p++) {
            byte c = buf[p];
            if (c >= '0' && c <= '9') {
                if (dot) {
                    fracDigits++;
                } else {
                    intDigits++;
                }
                if (mantissa == 0 && c == '0') {
                    if (dot) {
                        scale++;
                    }
                } else if (significant < 18) {
                    mantissa = mantissa * 10 + (c - '0');
                    significant++;
                    if (dot) {
                        scale++;
                    }
                } else {
                    slow = true;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                throw notDecimal(what);
            }
        }
        if (intDigits == 0 || (dot && fracDigits == 0)) {
            throw notDecimal(what);
        }
        double value;
        if (!slow) {
            while (scale > 0 && mantissa != 0 && mantissa % 10 == 0) {
                mantissa /= 10;
                scale--;
            }
            if (mantissa < MAX_EXACT && scale < POW10.length) {
                value = scale == 0 ? (double) mantissa : mantissa / POW10[scale];
                return negative ? -value : value;
            }
        }
        value = Double.parseDouble(new String(buf, strStart, strEnd - strStart, StandardCharsets.ISO_8859_1));
        return value;
    }

    /**
     * The common case in one pass, with {@link #pos} on the opening quote: digits, optionally a dot and more digits,
     * then the closing quote, at most 18 digits in all and a value below 2^53 units of its last decimal. Then the
     * value is one correctly rounded division of two exact doubles (trailing zeros change neither the quotient nor
     * its rounding), {@link #pos} is past the string, and the result is returned. Anything else (a sign, an escape,
     * no digit on a side of the dot, more digits, a larger value) returns -1 with {@link #pos} unchanged, for the
     * general reader to parse or to reject with its message.
     */
    private double readPlainDecimal() {
        final byte[] buf = this.buf;
        final int first = pos + 1;
        if (first + 16 <= end) {
            final double v = readShortDecimal(buf, first);
            if (v >= 0.0) {
                return v;
            }
        }
        final int limit = Math.min(end, pos + 21);
        int p = pos + 1;
        long mantissa = 0;
        final int intStart = p;
        int d;
        while (p < limit && (d = buf[p] - '0') >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d;
            p++;
        }
        final int intDigits = p - intStart;
        int scale = 0;
        if (p < limit && buf[p] == '.') {
            p++;
            final int fracStart = p;
            while (p < limit && (d = buf[p] - '0') >= 0 && d <= 9) {
                mantissa = mantissa * 10 + d;
                p++;
            }
            scale = p - fracStart;
            if (scale == 0) {
                return -1;
            }
        }
        if (intDigits == 0 || p >= limit || buf[p] != '"' || intDigits + scale > 18 || mantissa >= MAX_EXACT) {
            return -1;
        }
        strStart = pos + 1;
        strEnd = p;
        pos = p + 1;
        return scale == 0 ? (double) mantissa : mantissa / POW10[scale];
    }

    /**
     * The feed's usual decimals ({@code 61660.10}, {@code 0.004}, {@code 12}) eight bytes at a time: at most seven
     * digits before the dot and seven after, then the closing quote, read from two words at {@code first} (the byte
     * after the opening quote; the caller checks that 16 bytes are there). The value is {@link #readPlainDecimal}'s
     * (the same mantissa over the same power of ten); -1, with nothing moved, for any other shape.
     */
    private double readShortDecimal(byte[] buf, int first) {
        final long w = (long) LONGS.get(buf, first);
        final int intDigits = Long.numberOfTrailingZeros(nonDigits(w)) >>> 3;
        if (intDigits == 0 || intDigits == 8) {
            return -1;
        }
        final long integer = digits(w, intDigits);
        final int after = (int) (w >>> (intDigits << 3)) & 0xFF;
        if (after == '"') {
            strStart = first;
            strEnd = first + intDigits;
            pos = strEnd + 1;
            return integer;
        }
        if (after != '.') {
            return -1;
        }
        final int fraction = first + intDigits + 1;
        final long f = (long) LONGS.get(buf, fraction);
        final int scale = Long.numberOfTrailingZeros(nonDigits(f)) >>> 3;
        if (scale == 0 || scale == 8 || ((int) (f >>> (scale << 3)) & 0xFF) != '"') {
            return -1;
        }
        strStart = first;
        strEnd = fraction + scale;
        pos = strEnd + 1;
        return (integer * POW10_LONG[scale] + digits(f, scale)) / POW10[scale];
    }

    /**
     * The high bit of each byte of {@code w} that is not an ASCII digit. On the low seven bits no sum carries into the
     * next byte ({@code b + 0x46} has bit 7 set from {@code ':'} up, {@code b + 0x50} from {@code '0'} up), and a byte
     * with its own high bit set is not a digit.
     */
    private static long nonDigits(long w) {
        final long low = w & LOW_SEVEN_BITS;
        return ((low + 0x4646464646464646L) | ~(low + 0x5050505050505050L) | w) & HIGH_BITS;
    }

    /**
     * The number the first {@code n} bytes of {@code w} spell, {@code 1 <= n <= 7}, each an ASCII digit and the first
     * the most significant. Shifted to the top of the word, the rest is zeros, read as leading zeros; then pairs,
     * quads and halves combine with one multiply each.
     */
    private static long digits(long w, int n) {
        long v = (w << ((8 - n) << 3)) & 0x0F0F0F0F0F0F0F0FL;
        v = (v * (1 + (10L << 8))) >>> 8;
        v = ((v & 0x00FF00FF00FF00FFL) * (1 + (100L << 16))) >>> 16;
        return ((v & 0x0000FFFF0000FFFFL) * (1 + (10_000L << 32))) >>> 32;
    }

    /** Skips any JSON value, checking that it is well formed. */
    void skipValue() throws MarketDataException {
        skipValue(0);
    }

    // ---- errors ------------------------------------------------------------------------------------

    /** A malformed-JSON error at the current column. */
    MarketDataException malformed(String what) {
        return new MarketDataException(location(), "malformed JSON at column " + (pos - lineStart + 1) + ": " + what);
    }

    /** An error about the line's content (not its syntax). */
    MarketDataException invalid(String what) {
        return new MarketDataException(location(), what);
    }

    // ---- internals ---------------------------------------------------------------------------------

    private MarketDataException notDecimal(String what) {
        return invalid("bad " + what + " \"" + lastString() + "\": not a decimal number");
    }

    private void skipValue(int depth) throws MarketDataException {
        if (depth > MAX_NESTING) {
            throw malformed("nesting deeper than " + MAX_NESTING + " levels");
        }
        skipWhitespace();
        if (pos >= end) {
            throw malformed("expected a value but found " + found());
        }
        byte c = buf[pos];
        switch (c) {
            case '"' -> scanString();
            case '{' -> {
                if (beginObject()) {
                    do {
                        readKey();
                        skipValue(depth + 1);
                    } while (nextMember());
                }
            }
            case '[' -> {
                if (beginArray()) {
                    do {
                        skipValue(depth + 1);
                    } while (nextElement());
                }
            }
            case 't' -> requireLiteral("true");
            case 'f' -> requireLiteral("false");
            case 'n' -> requireLiteral("null");
            default -> skipNumber();
        }
    }

    private void skipNumber() throws MarketDataException {
        int start = pos;
        if (pos < end && buf[pos] == '-') {
            pos++;
        }
        int intDigits = digits();
        if (intDigits == 0) {
            pos = start;
            throw malformed("expected a value but found " + found());
        }
        if (pos < end && buf[pos] == '.') {
            pos++;
            if (digits() == 0) {
                throw malformed("expected a digit after '.' but found " + found());
            }
        }
        if (pos < end && (buf[pos] == 'e' || buf[pos] == 'E')) {
            pos++;
            if (pos < end && (buf[pos] == '+' || buf[pos] == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw malformed("expected an exponent but found " + found());
            }
        }
    }

    private int digits() {
        int start = pos;
        while (pos < end && buf[pos] >= '0' && buf[pos] <= '9') {
            pos++;
        }
        return pos - start;
    }

    private void requireLiteral(String word) throws MarketDataException {
        if (!literal(word)) {
            throw malformed("expected a value but found " + found());
        }
    }

    private boolean literal(String word) {
        int n = word.length();
        if (end - pos < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (buf[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        pos += n;
        return true;
    }

    /** At an opening quote: finds the closing one, validating escapes loosely and rejecting control bytes. */
    private void scanString() throws MarketDataException {
        int open = pos;
        pos++;
        strStart = pos;
        while (pos < end) {
            byte c = buf[pos];
            if (c == '"') {
                strEnd = pos;
                pos++;
                return;
            }
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c >= 0 && c < 0x20) {
                throw malformed("control character in a string");
            }
            pos++;
        }
        pos = open;
        throw malformed("unterminated string");
    }

    private boolean matches(byte[] ascii) {
        int len = strEnd - strStart;
        if (len != ascii.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (buf[strStart + i] != ascii[i]) {
                return false;
            }
        }
        return true;
    }

    private void skipWhitespace() {
        if (pos < end && buf[pos] > ' ') { // the feeds' JSON has no whitespace between tokens
            return;
        }
        while (pos < end) {
            byte c = buf[pos];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            pos++;
        }
    }

    private String found() {
        if (pos >= end) {
            return "the end of the line";
        }
        int c = buf[pos] & 0xFF;
        return c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
