package io.factorgraph.runtime.data.binance;

import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.gzip.WholeGzip;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The lines of a text file, gzip-compressed or plain, as byte ranges of one reusable buffer.
 *
 * <p>No {@code String}, {@code BufferedReader} or per-line array: a line is {@code buffer()[start(),
 * end())}, valid until the next call to {@link #next()}. The buffer grows to the longest line and
 * is then reused. A gzip stream that ends early or fails its checksum is reported with the number of
 * the line being read, which is where the data stops making sense. A gzip file that libdeflate inflates whole
 * ({@link WholeGzip}: faster, the same bytes) is scanned in place in the inflated array instead; any file it does
 * not accept streams through the JDK's inflater as before, so errors read the same either way.
 *
 * <p>The whole-file inflation waits for the first line rather than happening at {@link #open}: opening checks the
 * file (its magic bytes and gzip header, so a bad file fails at open as before), and the inflation runs on the
 * thread that reads, which for a feed decoded on a thread of its own is the decoder's, not the opener's.
 */
final class LineReader implements AutoCloseable {
    private static final int READ_CHUNK = 1 << 16;
    private static final byte[] NO_BYTES = new byte[0];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final String name;
    private final boolean gzip;
    private InputStream in;
    /** A gzip file not read yet: at the first fill it is inflated whole, or else streamed from {@link #in}. */
    private Path pendingWhole;

    private byte[] buf;
    private int pos;
    private int limit;
    private int scanFrom;
    private int lineStart;
    private int lineEnd;
    private long lineNumber;
    private boolean eof;
    /** The file inflated whole, scanned in place; given back at {@link #close()}. */
    private WholeGzip.Inflated whole;

    private LineReader(String name, boolean gzip, InputStream in) {
        this(name, gzip, in, new byte[1 << 20]);
    }

    private LineReader(String name, boolean gzip, InputStream in, byte[] buf) {
        this.name = name;
        this.gzip = gzip;
        this.in = in;
        this.buf = buf;
    }

    /**
     * A gzip file whose first fill tries to inflate it whole; {@code in} (its header already read) streams it when
     * that is refused. The buffer waits for the stream's first read.
     */
    private LineReader(String name, Path path, InputStream in) {
        this(name, true, in, NO_BYTES);
        this.pendingWhole = path;
    }

    /** Opens {@code path}, decompressing when it starts with the gzip magic bytes. */
    static LineReader open(Path path) throws MarketDataException {
        String name = String.valueOf(path.getFileName());
        InputStream raw;
        try {
            raw = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new MarketDataException(name, "cannot open: no such file: " + path);
        } catch (AccessDeniedException e) {
            throw new MarketDataException(name, "cannot open: permission denied: " + path);
        } catch (IOException e) {
            throw new MarketDataException(name, "cannot open " + path + ": " + e, e);
        }
        try {
            PushbackInputStream peek = new PushbackInputStream(raw, 2);
            int b0 = peek.read();
            int b1 = b0 < 0 ? -1 : peek.read();
            if (b1 >= 0) {
                peek.unread(b1);
            }
            if (b0 >= 0) {
                peek.unread(b0);
            }
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            if (!gzip && name.endsWith(".gz") && b0 >= 0) {
                peek.close();
                throw new MarketDataException(
                        name, "not a gzip file: it does not start with the gzip magic bytes 1f 8b");
            }
            if (!gzip) {
                return new LineReader(name, false, peek);
            }
            GZIPInputStream in = new GZIPInputStream(peek, READ_CHUNK);
            return WholeGzip.available() ? new LineReader(name, path, in) : new LineReader(name, true, in);
        } catch (IOException e) {
            closeQuietly(raw);
            throw new MarketDataException(
                    name, (name.endsWith(".gz") ? "corrupt gzip header: " : "read error: ") + e.getMessage(), e);
        }
    }

    /** Reads plain-text lines from {@code in} as they arrive (a live feed); {@code name} is for messages. */
    static LineReader of(String name, InputStream in) {
        return new LineReader(name, false, in);
    }

    /** The file name, as error messages show it. */
    String name() {
        return name;
    }

    /** Advances to the next line; returns false at the end of the file. */
    boolean next() throws MarketDataException {
        while (true) {
            final int i = indexOfNewline(buf, scanFrom, limit);
            if (i >= 0) {
                setLine(pos, i);
                pos = i + 1;
                scanFrom = pos;
                return true;
            }
            scanFrom = limit;
            if (eof) {
                if (pos < limit) {
                    setLine(pos, limit);
                    pos = limit;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    /**
     * The first {@code '\n'} in {@code bytes[from, to)}, or -1: eight bytes at a time (a word with a zero byte where
     * it held a newline; the lowest flagged byte is always a real one), then byte by byte.
     */
    static int indexOfNewline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            final long x = (long) LONGS.get(bytes, i) ^ NEWLINES;
            final long zero = (x - ONES) & ~x & HIGH_BITS;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    byte[] buffer() {
        return buf;
    }

    int start() {
        return lineStart;
    }

    int end() {
        return lineEnd;
    }

    /** Whether the file is held inflated whole: never before the first {@link #next()}, then when libdeflate took it. */
    boolean inflatedWhole() {
        return whole != null;
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() {
        closeQuietly(in);
        if (whole != null) {
            WholeGzip.release(whole);
            whole = null;
            buf = NO_BYTES;
            pos = 0;
            limit = 0;
            scanFrom = 0;
        }
    }

    private void setLine(int start, int end) {
        if (end > start && buf[end - 1] == '\r') {
            end--;
        }
        lineStart = start;
        lineEnd = end;
        lineNumber++;
    }

    private void fill() throws MarketDataException {
        if (pendingWhole != null) {
            fillWhole();
            return;
        }
        if (buf.length - limit < READ_CHUNK) {
            int pending = limit - pos;
            if (pending + READ_CHUNK > buf.length) {
                byte[] bigger = new byte[Math.max(buf.length << 1, pending + READ_CHUNK)];
                System.arraycopy(buf, pos, bigger, 0, pending);
                buf = bigger;
            } else {
                System.arraycopy(buf, pos, buf, 0, pending);
            }
            scanFrom -= pos;
            limit = pending;
            pos = 0;
        }
        int n;
        try {
            n = in.read(buf, limit, buf.length - limit);
        } catch (IOException e) {
            String what = gzip ? "truncated or corrupt gzip data: " : "read error: ";
            throw new MarketDataException(name + ":" + (lineNumber + 1), what + e.getMessage(), e);
        }
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    /** The first fill of a gzip file: the whole file inflated at once, or, when that is refused, a streamed start. */
    private void fillWhole() throws MarketDataException {
        Path path = pendingWhole;
        pendingWhole = null;
        Optional<WholeGzip.Inflated> inflated;
        try {
            inflated = WholeGzip.inflate(path);
        } catch (IOException e) {
            throw new MarketDataException(name, "read error: " + e.getMessage(), e);
        }
        if (inflated.isPresent()) {
            closeQuietly(in);
            in = InputStream.nullInputStream();
            whole = inflated.get();
            buf = whole.bytes();
            limit = whole.length();
            eof = true;
            return;
        }
        buf = new byte[1 << 20];
        fill();
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // A read-only stream has nothing to flush; a failing close loses no data.
        }
    }
}
