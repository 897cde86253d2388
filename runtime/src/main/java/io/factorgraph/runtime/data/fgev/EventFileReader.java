package io.factorgraph.runtime.data.fgev;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads an {@code .fgev} event file ({@link EventFile}) through a reused buffer of records.
 *
 * <p>The header is checked before any event is handed out: magic, version, record length, flags, and the
 * file size against the event count, each failure a {@link MarketDataException} naming the file. The
 * records are then read {@value #BATCH_RECORDS} at a time into one heap buffer and {@link #next()}
 * decodes a 64-byte record from it into the cursor: eight little-endian loads, no allocation. A heap
 * array rather than a mapping of the file, because a mapping opened for use on another thread lives in
 * a shared arena whose every access is checked for liveness, which cost the reader half its speed;
 * the array's bounds checks are hoisted by the JIT. {@code ev} comes back as the source had it, with the
 * end-of-message bit stripped into {@link MarketEvent#endOfMessage()}. Events flagged {@code LOCAL_EVENT}
 * must not go back in {@code local_ts}, as with every {@link EventSource}.
 *
 * <p>{@link #close()} closes the file; reading after it fails with an {@link IllegalStateException}. A
 * reader may be opened on one thread and read on another; it is not thread-safe: one thread at a time.
 */
public final class EventFileReader implements EventSource {
    /** Records read per refill: 256 KB, large enough that the read's cost is lost in the decoding. */
    static final int BATCH_RECORDS = 4096;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN)
            .withInvokeExactBehavior();
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(
                    double[].class, ByteOrder.LITTLE_ENDIAN)
            .withInvokeExactBehavior();

    private final String name;
    private final FileChannel channel;
    private final EventFileHeader header;
    private final long count;
    /** Cleared from {@code ev}: the end-of-message bit when the file records marks, else nothing. */
    private final long endBit;
    /** Every event ends a message when the file records no marks. */
    private final boolean everyEventEnds;

    private final byte[] batch = new byte[BATCH_RECORDS * EventFile.RECORD_BYTES];
    private final ByteBuffer batchBuffer = ByteBuffer.wrap(batch);
    /** Byte offset in {@link #batch} of the next record. */
    private int at;
    /** The bytes of records {@link #batch} holds. */
    private int held;
    /** The file offset of the next batch. */
    private long filePosition;

    private final MarketEvent event = new MarketEvent();
    private long index = -1;
    private long lastLocalTs = Long.MIN_VALUE;
    private boolean closed;

    private EventFileReader(String name, FileChannel channel, EventFileHeader header) {
        this.name = name;
        this.channel = channel;
        this.header = header;
        this.count = header.eventCount();
        this.endBit = header.marksEndOfMessage() ? EventFile.END_OF_MESSAGE_BIT : 0;
        this.everyEventEnds = !header.marksEndOfMessage();
        this.filePosition = header.headerLength();
        this.at = 0;
        this.held = 0;
    }

    /**
     * Opens an event file and checks its header.
     *
     * @throws MarketDataException when the file is missing or unreadable, is not an event file, is of a
     *     newer version, or its size does not match its header
     */
    public static EventFileReader open(Path path) throws MarketDataException {
        String name = String.valueOf(path.getFileName());
        if (!Files.isRegularFile(path)) {
            throw new MarketDataException(name, "cannot open: no such file: " + path);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, EventFileHeader.MAX_DECODED_BYTES));
            readFully(channel, head, 0);
            EventFileHeader header = EventFileHeader.decode(MemorySegment.ofBuffer(head.flip()), size, name);
            return new EventFileReader(name, channel, header);
        } catch (MarketDataException e) {
            closeQuietly(channel, e);
            throw e;
        } catch (NoSuchFileException e) {
            closeQuietly(channel, e);
            throw new MarketDataException(name, "cannot open: no such file: " + path, e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, e);
            throw new MarketDataException(name, "cannot read " + path + ": " + e, e);
        }
    }

    /** The file's header. */
    public EventFileHeader header() {
        return header;
    }

    /** The number of events in the file. */
    public long eventCount() {
        return count;
    }

    @Override
    public boolean next() throws MarketDataException {
        if (closed) {
            throw new IllegalStateException(name + ": read after close");
        }
        long i = index + 1;
        if (i >= count) {
            index = count;
            return false;
        }
        index = i;
        int a = at;
        if (a >= held) {
            refill(i);
            a = 0;
        }
        at = a + EventFile.RECORD_BYTES;
        byte[] r = batch;
        long raw = (long) LONG.get(r, a);
        long localTs = (long) LONG.get(r, a + 16);
        if ((raw & EventFlags.LOCAL_EVENT) != 0) {
            if (localTs < lastLocalTs) {
                throw outOfOrder(localTs, lastLocalTs);
            }
            lastLocalTs = localTs;
        }
        event.set(
                raw & ~endBit,
                (long) LONG.get(r, a + 8),
                localTs,
                (double) DOUBLE.get(r, a + 24),
                (double) DOUBLE.get(r, a + 32),
                (long) LONG.get(r, a + 40),
                (long) LONG.get(r, a + 48),
                (double) DOUBLE.get(r, a + 56),
                everyEventEnds || (raw & endBit) != 0);
        return true;
    }

    /** Reads the batch that starts with record {@code first}: the next {@value #BATCH_RECORDS} or the rest. */
    private void refill(long first) throws MarketDataException {
        int bytes = (int) (Math.min(BATCH_RECORDS, count - first) * EventFile.RECORD_BYTES);
        ByteBuffer b = batchBuffer.clear().limit(bytes);
        try {
            readFully(channel, b, filePosition);
        } catch (IOException e) {
            throw new MarketDataException(position(), "cannot read: " + e, e);
        }
        filePosition += bytes;
        held = bytes;
    }

    /** Fills {@code buffer} from {@code position}; a file that ends first was cut while being read. */
    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long p = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, p);
            if (n < 0) {
                throw new IOException("the file ended at byte " + p + " (was it truncated while being read?)");
            }
            p += n;
        }
    }

    private static void closeQuietly(FileChannel channel, Exception cause) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private MarketDataException outOfOrder(long localTs, long previous) {
        return new MarketDataException(
                position(), "local events out of order: local_ts " + localTs + " after " + previous);
    }

    @Override
    public MarketEvent event() {
        return event;
    }

    /** {@code file.fgev:row n}, with {@code n} the 0-based index of the current event. */
    @Override
    public String position() {
        return name + ":row " + Math.max(0, Math.min(index, Math.max(0, count - 1)));
    }

    /** Closes the file; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                channel.close();
            } catch (IOException e) {
                // nothing was written; a failed close of a file only read loses nothing
            }
        }
    }
}
