package io.factorgraph.runtime.data.fgev;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads an {@code .fgev} event file ({@link EventFile}) through a memory mapping of the whole file.
 *
 * <p>The file is mapped read-only into a {@link MemorySegment} (no 2 GB limit) and the header checked
 * before any event is handed out: magic, version, record length, flags, and the file size against the
 * event count, each failure a {@link MarketDataException} naming the file. {@link #next()} then decodes
 * one 64-byte record straight from the mapping into the cursor: eight little-endian loads, no copy,
 * no allocation. {@code ev} comes back as the source had it, with the end-of-message bit stripped into
 * {@link MarketEvent#endOfMessage()}. Events flagged {@code LOCAL_EVENT} must not go back in
 * {@code local_ts}, as with every {@link EventSource}.
 *
 * <p>The mapping is released by {@link #close()}; reading after it fails with an
 * {@link IllegalStateException}. The mapping lives in a shared arena, so a reader may be opened on one
 * thread and read on another; it is not thread-safe: one thread at a time.
 */
public final class EventFileReader implements EventSource {
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble DOUBLE =
            ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final String name;
    private final Arena arena;
    private final MemorySegment records;
    private final EventFileHeader header;
    private final long count;
    /** Cleared from {@code ev}: the end-of-message bit when the file records marks, else nothing. */
    private final long endBit;
    /** Every event ends a message when the file records no marks. */
    private final boolean everyEventEnds;

    private final MarketEvent event = new MarketEvent();
    private long index = -1;
    private long lastLocalTs = Long.MIN_VALUE;
    private boolean closed;

    private EventFileReader(String name, Arena arena, MemorySegment file, EventFileHeader header) {
        this.name = name;
        this.arena = arena;
        this.header = header;
        this.records = file.asSlice(header.headerLength(), header.eventCount() * EventFile.RECORD_BYTES);
        this.count = header.eventCount();
        this.endBit = header.marksEndOfMessage() ? EventFile.END_OF_MESSAGE_BIT : 0;
        this.everyEventEnds = !header.marksEndOfMessage();
    }

    /**
     * Maps an event file and checks its header.
     *
     * @throws MarketDataException when the file is missing or unreadable, is not an event file, is of a
     *     newer version, or its size does not match its header
     */
    public static EventFileReader open(Path path) throws MarketDataException {
        String name = String.valueOf(path.getFileName());
        if (!Files.isRegularFile(path)) {
            throw new MarketDataException(name, "cannot open: no such file: " + path);
        }
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            MemorySegment file = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            return new EventFileReader(name, arena, file, EventFileHeader.decode(file, name));
        } catch (MarketDataException e) {
            arena.close();
            throw e;
        } catch (NoSuchFileException e) {
            arena.close();
            throw new MarketDataException(name, "cannot open: no such file: " + path, e);
        } catch (IOException | RuntimeException e) {
            arena.close();
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
        long i = index + 1;
        if (i >= count) {
            index = count;
            return false;
        }
        index = i;
        long at = i * EventFile.RECORD_BYTES;
        MemorySegment r = records;
        long raw = r.get(LONG, at);
        long localTs = r.get(LONG, at + 16);
        if ((raw & EventFlags.LOCAL_EVENT) != 0) {
            if (localTs < lastLocalTs) {
                throw outOfOrder(localTs, lastLocalTs);
            }
            lastLocalTs = localTs;
        }
        event.set(
                raw & ~endBit,
                r.get(LONG, at + 8),
                localTs,
                r.get(DOUBLE, at + 24),
                r.get(DOUBLE, at + 32),
                r.get(LONG, at + 40),
                r.get(LONG, at + 48),
                r.get(DOUBLE, at + 56),
                everyEventEnds || (raw & endBit) != 0);
        return true;
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

    /** Unmaps the file; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            arena.close();
        }
    }
}
