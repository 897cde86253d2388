package io.factorgraph.runtime.data.fgev;

import io.factorgraph.runtime.data.MarketDataException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The header of an {@code .fgev} file; the byte layout is specified in {@link EventFile}.
 *
 * @param version the format version
 * @param headerLength {@code H}: where the first record starts, a multiple of 64
 * @param eventCount {@code N}: the number of 64-byte records
 * @param flags {@link EventFile#FLAG_END_OF_MESSAGE} and nothing else in version 1
 * @param firstLocalTs {@code local_ts} of the first event (0 without events)
 * @param lastLocalTs {@code local_ts} of the last event (0 without events)
 * @param symbol the instrument's symbol; may be empty
 * @param source where the events came from, free text; may be empty
 */
public record EventFileHeader(
        int version,
        long headerLength,
        long eventCount,
        long flags,
        long firstLocalTs,
        long lastLocalTs,
        String symbol,
        String source) {
    private static final ValueLayout.OfShort SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    public EventFileHeader {
        if (symbol == null || source == null) {
            throw new NullPointerException("symbol and source must not be null (use \"\")");
        }
    }

    /** The file size this header implies: {@code H + 64 N}. */
    public long fileSize() {
        return headerLength + eventCount * EventFile.RECORD_BYTES;
    }

    /** Whether the file records end-of-message marks ({@link EventFile#FLAG_END_OF_MESSAGE}). */
    public boolean marksEndOfMessage() {
        return (flags & EventFile.FLAG_END_OF_MESSAGE) != 0;
    }

    /** The header length for this symbol and description: 64 plus the text, rounded up to a multiple of 64. */
    static int lengthFor(byte[] symbol, byte[] source) {
        int raw = EventFile.FIXED_HEADER_BYTES + symbol.length + source.length;
        return (raw + EventFile.FIXED_HEADER_BYTES - 1) / EventFile.FIXED_HEADER_BYTES * EventFile.FIXED_HEADER_BYTES;
    }

    /**
     * The header's bytes, {@link #headerLength()} of them.
     *
     * @throws IllegalArgumentException when the text does not fit its length fields or the header length
     */
    ByteBuffer encode() {
        byte[] sym = symbol.getBytes(StandardCharsets.UTF_8);
        byte[] src = source.getBytes(StandardCharsets.UTF_8);
        if (sym.length > EventFile.MAX_TEXT_BYTES || src.length > EventFile.MAX_TEXT_BYTES) {
            throw new IllegalArgumentException(
                    "symbol or source description longer than " + EventFile.MAX_TEXT_BYTES + " bytes");
        }
        if (headerLength != lengthFor(sym, src)) {
            throw new IllegalArgumentException(
                    "header length " + headerLength + " does not fit the text: expected " + lengthFor(sym, src));
        }
        ByteBuffer b = ByteBuffer.allocate((int) headerLength).order(ByteOrder.LITTLE_ENDIAN);
        b.put(EventFile.MAGIC);
        b.putShort((short) version);
        b.putShort((short) EventFile.RECORD_BYTES);
        b.putInt((int) headerLength);
        b.putLong(eventCount);
        b.putLong(flags);
        b.putLong(firstLocalTs);
        b.putLong(lastLocalTs);
        b.putShort((short) sym.length);
        b.putShort((short) src.length);
        b.position(EventFile.FIXED_HEADER_BYTES);
        b.put(sym);
        b.put(src);
        return b.clear();
    }

    /** The most bytes {@link #decode} reads: the fixed part and the longest symbol and source description. */
    static final int MAX_DECODED_BYTES = EventFile.FIXED_HEADER_BYTES + 2 * 0xFFFF;

    /**
     * Reads and checks the header at the start of a file.
     *
     * @param file the file's first {@code min(size, MAX_DECODED_BYTES)} bytes (or more)
     * @param size the file's size, checked against the event count
     * @param name the file's name, for messages
     * @throws MarketDataException naming the file, when it is not an event file this reader can read or
     *     its size does not match the header
     */
    static EventFileHeader decode(MemorySegment file, long size, String name) throws MarketDataException {
        int magicBytes = (int) Math.min(size, EventFile.MAGIC.length);
        for (int i = 0; i < magicBytes; i++) {
            if (file.get(ValueLayout.JAVA_BYTE, i) != EventFile.MAGIC[i]) {
                throw notAnEventFile(name);
            }
        }
        if (size < EventFile.FIXED_HEADER_BYTES) {
            if (size == 0) {
                throw new MarketDataException(name, "not a factorgraph event file: it is empty");
            }
            throw new MarketDataException(
                    name,
                    "truncated: the file is " + size + " bytes, shorter than the " + EventFile.FIXED_HEADER_BYTES
                            + "-byte header");
        }
        int version = Short.toUnsignedInt(file.get(SHORT, 8));
        if (version > EventFile.VERSION) {
            throw new MarketDataException(
                    name,
                    "format version " + version + " is newer than this reader (" + EventFile.VERSION
                            + "); read it with a newer fg");
        }
        if (version < 1) {
            throw new MarketDataException(name, "corrupt header: format version " + version + " (versions start at 1)");
        }
        int recordBytes = Short.toUnsignedInt(file.get(SHORT, 10));
        if (recordBytes != EventFile.RECORD_BYTES) {
            throw new MarketDataException(
                    name, "corrupt header: record length " + recordBytes + ", expected " + EventFile.RECORD_BYTES);
        }
        long headerLength = Integer.toUnsignedLong(file.get(INT, 12));
        long count = file.get(LONG, 16);
        long flags = file.get(LONG, 24);
        long firstLocalTs = file.get(LONG, 32);
        long lastLocalTs = file.get(LONG, 40);
        int symbolBytes = Short.toUnsignedInt(file.get(SHORT, 48));
        int sourceBytes = Short.toUnsignedInt(file.get(SHORT, 50));
        if ((flags & ~EventFile.KNOWN_FLAGS) != 0) {
            throw new MarketDataException(
                    name,
                    "header flags 0x" + Long.toHexString(flags) + " include flags this "
                            + "reader does not know (it knows 0x" + Long.toHexString(EventFile.KNOWN_FLAGS)
                            + "); read it with a newer fg");
        }
        if (headerLength < EventFile.FIXED_HEADER_BYTES
                || headerLength % EventFile.FIXED_HEADER_BYTES != 0
                || headerLength < EventFile.FIXED_HEADER_BYTES + symbolBytes + sourceBytes) {
            throw new MarketDataException(
                    name,
                    "corrupt header: header length " + headerLength + " is not a multiple "
                            + "of 64 holding the 64-byte fixed part, the " + symbolBytes + "-byte symbol and the "
                            + sourceBytes
                            + "-byte source description");
        }
        if (count < 0 || count > EventFile.MAX_EVENTS) {
            throw new MarketDataException(
                    name, "corrupt header: implausible event count " + Long.toUnsignedString(count));
        }
        long expected = headerLength + count * EventFile.RECORD_BYTES;
        if (size != expected) {
            long held = size < headerLength ? 0 : (size - headerLength) / EventFile.RECORD_BYTES;
            long extra = size < headerLength ? 0 : (size - headerLength) % EventFile.RECORD_BYTES;
            String holds = held + (extra == 0 ? "" : " and " + extra + " bytes of another");
            if (size < expected) {
                throw new MarketDataException(
                        name,
                        "truncated: header says " + count + " events, file holds "
                                + (size < headerLength
                                        ? "only " + size + " bytes of its " + headerLength + "-byte header"
                                        : holds));
            }
            throw new MarketDataException(name, "trailing data: header says " + count + " events, file holds " + holds);
        }
        String symbol = text(file, EventFile.FIXED_HEADER_BYTES, symbolBytes);
        String source = text(file, EventFile.FIXED_HEADER_BYTES + symbolBytes, sourceBytes);
        return new EventFileHeader(version, headerLength, count, flags, firstLocalTs, lastLocalTs, symbol, source);
    }

    private static MarketDataException notAnEventFile(String name) {
        return new MarketDataException(
                name,
                "not a factorgraph event file: it does not start with the .fgev magic " + "bytes \\x89FGEV\\r\\n\\x1a");
    }

    private static String text(MemorySegment file, long offset, int length) {
        byte[] bytes = new byte[length];
        MemorySegment.copy(file, ValueLayout.JAVA_BYTE, offset, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
