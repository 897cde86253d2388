package io.factorgraph.runtime.data.npz;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads hftbacktest's {@code .npz} event files: a zip holding a {@code .npy} array of its 64-byte events
 * ({@code ev u8, exch_ts i8, local_ts i8, px f8, qty f8, order_id u8, ival i8, fval f8}, little-endian, as
 * {@code np.savez} or {@code np.savez_compressed} write them), so that data prepared for hftbacktest
 * replays here as it is.
 *
 * <p>The {@code .npy} header is parsed ({@link NpyHeader}) and the layout checked before any data is
 * read: a one-dimensional, C-ordered array of exactly that dtype ({@code ev} and {@code order_id} may also
 * be signed {@code <i8}). Anything else, including hftbacktest 1.x's two-dimensional float arrays, is
 * rejected with a message saying what was found. Events are streamed from the zip in blocks and decoded
 * in place, allocating nothing per event. Flags are passed through as stored; events flagged
 * {@code LOCAL_EVENT} must not go back in {@code local_ts}.
 *
 * <p>An {@code .npz} does not record message boundaries, so {@link MarketEvent#endOfMessage()} marks the
 * last of each run of consecutive events with the same {@code local_ts} and {@code exch_ts} (the rows a
 * converter wrote for one message share both).
 *
 * <p>The archive must hold one {@code .npy} array, or several of which one is {@code data.npy} (the name
 * hftbacktest saves under). Not thread-safe.
 */
public final class NpzEventReader implements EventSource {
    /** Bytes per event in hftbacktest's layout. */
    public static final int EVENT_BYTES = 64;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final String[] FIELD_NAMES = {"ev", "exch_ts", "local_ts", "px", "qty", "order_id", "ival", "fval"};
    private static final String EXPECTED_DTYPE = "[('ev', '<u8'), ('exch_ts', '<i8'), ('local_ts', '<i8'), "
            + "('px', '<f8'), ('qty', '<f8'), ('order_id', '<u8'), ('ival', '<i8'), ('fval', '<f8')]";
    private static final int BLOCK_EVENTS = 4096;

    private final String name;
    private final ZipFile zip;
    private final InputStream in;
    private final long count;
    private final MarketEvent event = new MarketEvent();
    private final byte[] buf = new byte[BLOCK_EVENTS * EVENT_BYTES];
    private int bufPos;
    private int bufLimit;
    private boolean eof;
    private long index = -1;
    private long lastLocalTs = Long.MIN_VALUE;

    private NpzEventReader(String name, ZipFile zip, InputStream in, long count) {
        this.name = name;
        this.zip = zip;
        this.in = in;
        this.count = count;
    }

    /**
     * Opens an {@code .npz} file and checks its array's layout.
     *
     * @throws MarketDataException when the file is missing, not a zip, holds no suitable array, or the
     *     array is not hftbacktest's event layout
     */
    public static NpzEventReader open(Path path) throws MarketDataException {
        String name = String.valueOf(path.getFileName());
        if (!Files.isRegularFile(path)) {
            throw new MarketDataException(name, "cannot open: no such file: " + path);
        }
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new MarketDataException(name, "not a readable .npz (zip) file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MarketDataException(name, "cannot open " + path + ": " + e, e);
        }
        try {
            ZipEntry entry = arrayEntry(zip, name);
            String where = name + ":" + entry.getName();
            InputStream in = zip.getInputStream(entry);
            long count;
            try {
                count = readHeader(in, where, entry.getSize());
            } catch (MarketDataException e) {
                in.close();
                throw e;
            }
            return new NpzEventReader(where, zip, in, count);
        } catch (MarketDataException e) {
            closeQuietly(zip);
            throw e;
        } catch (IOException e) {
            closeQuietly(zip);
            throw new MarketDataException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The number of events the array holds. */
    public long eventCount() {
        return count;
    }

    @Override
    public boolean next() throws MarketDataException {
        long nextIndex = index + 1;
        if (nextIndex >= count) {
            index = count;
            return false;
        }
        boolean last = nextIndex == count - 1;
        int need = last ? EVENT_BYTES : 2 * EVENT_BYTES;
        if (bufLimit - bufPos < need) {
            fill(need, nextIndex);
        }
        index = nextIndex;
        int p = bufPos;
        long ev = (long) LONG.get(buf, p);
        long exchTs = (long) LONG.get(buf, p + 8);
        long localTs = (long) LONG.get(buf, p + 16);
        boolean end = last
                || localTs != (long) LONG.get(buf, p + EVENT_BYTES + 16)
                || exchTs != (long) LONG.get(buf, p + EVENT_BYTES + 8);
        if ((ev & EventFlags.LOCAL_EVENT) != 0) {
            if (localTs < lastLocalTs) {
                throw new MarketDataException(
                        position(),
                        "local events out of order: local_ts " + localTs + " after " + lastLocalTs
                                + " (hftbacktest's correct_event_order fixes this)");
            }
            lastLocalTs = localTs;
        }
        event.set(
                ev,
                exchTs,
                localTs,
                (double) DOUBLE.get(buf, p + 24),
                (double) DOUBLE.get(buf, p + 32),
                (long) LONG.get(buf, p + 40),
                (long) LONG.get(buf, p + 48),
                (double) DOUBLE.get(buf, p + 56),
                end);
        bufPos += EVENT_BYTES;
        return true;
    }

    @Override
    public MarketEvent event() {
        return event;
    }

    /** {@code file.npz:data.npy:row n}, with {@code n} the numpy (0-based) index of the current event. */
    @Override
    public String position() {
        return name + ":row " + Math.max(index, 0);
    }

    @Override
    public void close() {
        closeQuietly(in);
        closeQuietly(zip);
    }

    private void fill(int need, long nextIndex) throws MarketDataException {
        int pending = bufLimit - bufPos;
        System.arraycopy(buf, bufPos, buf, 0, pending);
        bufPos = 0;
        bufLimit = pending;
        while (bufLimit < need && !eof) {
            int n;
            try {
                n = in.read(buf, bufLimit, buf.length - bufLimit);
            } catch (IOException e) {
                throw new MarketDataException(
                        name + ":row " + nextIndex, "corrupt or truncated data: " + e.getMessage(), e);
            }
            if (n < 0) {
                eof = true;
            } else {
                bufLimit += n;
            }
        }
        if (bufLimit < need) {
            long available = nextIndex + bufLimit / EVENT_BYTES;
            throw new MarketDataException(
                    name, "truncated: the header declares " + count + " events but the data ends after " + available);
        }
    }

    private static ZipEntry arrayEntry(ZipFile zip, String name) throws MarketDataException {
        List<String> arrays = new ArrayList<>();
        ZipEntry only = null;
        ZipEntry data = null;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (entry.getName().endsWith(".npy")) {
                arrays.add(entry.getName());
                only = entry;
                if (entry.getName().equals("data.npy")) {
                    data = entry;
                }
            }
        }
        if (arrays.size() == 1) {
            return only;
        }
        if (data != null) {
            return data;
        }
        if (arrays.isEmpty()) {
            throw new MarketDataException(name, "holds no .npy array");
        }
        throw new MarketDataException(
                name, "holds several arrays " + arrays + " and none is data.npy: which one holds the events?");
    }

    /** Reads and checks the {@code .npy} preamble and header; returns the event count. */
    private static long readHeader(InputStream in, String where, long entrySize)
            throws IOException, MarketDataException {
        byte[] preamble = in.readNBytes(8);
        if (preamble.length < 8 || !startsWith(preamble, MAGIC)) {
            throw new MarketDataException(where, "not a .npy array: it does not start with \\x93NUMPY");
        }
        int major = preamble[6] & 0xFF;
        int headerLength;
        int preambleLength;
        if (major == 1) {
            byte[] len = in.readNBytes(2);
            if (len.length < 2) {
                throw new MarketDataException(where, "truncated .npy header");
            }
            headerLength = (len[0] & 0xFF) | (len[1] & 0xFF) << 8;
            preambleLength = 10;
        } else if (major == 2 || major == 3) {
            byte[] len = in.readNBytes(4);
            if (len.length < 4) {
                throw new MarketDataException(where, "truncated .npy header");
            }
            long l = (len[0] & 0xFFL) | (len[1] & 0xFFL) << 8 | (len[2] & 0xFFL) << 16 | (len[3] & 0xFFL) << 24;
            if (l > 1 << 20) {
                throw new MarketDataException(where, "implausible .npy header length " + l);
            }
            headerLength = (int) l;
            preambleLength = 12;
        } else {
            throw new MarketDataException(
                    where,
                    "unsupported .npy format version " + major + "." + (preamble[7] & 0xFF)
                            + " (known: 1.0, 2.0, 3.0)");
        }
        byte[] headerBytes = in.readNBytes(headerLength);
        if (headerBytes.length < headerLength) {
            throw new MarketDataException(where, "truncated .npy header");
        }
        String text = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader header;
        try {
            header = NpyHeader.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MarketDataException(where, e.getMessage());
        }
        long count = checkLayout(header, where);
        long expectedSize = preambleLength + headerLength + count * EVENT_BYTES;
        if (entrySize >= 0 && entrySize != expectedSize) {
            throw new MarketDataException(
                    where,
                    (entrySize < expectedSize ? "truncated: " : "trailing data: ")
                            + "the header declares " + count + " events (" + expectedSize
                            + " bytes with the header), but the array is " + entrySize + " bytes");
        }
        return count;
    }

    private static long checkLayout(NpyHeader header, String where) throws MarketDataException {
        Object descr = header.descr();
        List<Long> shape = header.shape();
        if ("<f8".equals(descr) && shape.size() == 2 && shape.get(1) == 6) {
            throw new MarketDataException(
                    where,
                    "this is hftbacktest 1.x's layout (a 2-D float64 array of 6 columns, "
                            + "shape " + NpyHeader.repr(shape)
                            + "); convert it to the 2.x event layout with hftbacktest's "
                            + "migration2 utility");
        }
        if (!isEventDtype(descr)) {
            throw new MarketDataException(
                    where,
                    "not hftbacktest's event dtype: expected " + EXPECTED_DTYPE + ", found " + NpyHeader.repr(descr));
        }
        if (header.fortranOrder()) {
            throw new MarketDataException(where, "fortran_order is True: expected a C-ordered array");
        }
        if (shape.size() != 1) {
            throw new MarketDataException(
                    where, "expected a one-dimensional array of events, found shape " + NpyHeader.repr(shape));
        }
        long count = shape.get(0);
        if (count > Long.MAX_VALUE / EVENT_BYTES) {
            throw new MarketDataException(where, "implausible event count " + count);
        }
        return count;
    }

    private static boolean isEventDtype(Object descr) {
        if (!(descr instanceof List<?> fields) || fields.size() != FIELD_NAMES.length) {
            return false;
        }
        for (int i = 0; i < FIELD_NAMES.length; i++) {
            if (!(fields.get(i) instanceof List<?> field)
                    || field.size() != 2
                    || !FIELD_NAMES[i].equals(field.get(0))) {
                return false;
            }
            Object type = field.get(1);
            boolean ok =
                    switch (FIELD_NAMES[i]) {
                        case "ev", "order_id" -> "<u8".equals(type) || "<i8".equals(type);
                        case "px", "qty", "fval" -> "<f8".equals(type);
                        default -> "<i8".equals(type);
                    };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Read-only: nothing is lost when closing fails.
        }
    }
}
