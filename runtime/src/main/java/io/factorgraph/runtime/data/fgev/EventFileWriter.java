package io.factorgraph.runtime.data.fgev;

import io.factorgraph.runtime.data.PartFiles;
import io.factorgraph.runtime.market.MarketEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes an {@code .fgev} event file ({@link EventFile}), streaming, in bounded memory, atomically.
 *
 * <p>Events go through a 1 MiB buffer into a hidden temporary file next to the destination
 * ({@code .NAME.<random>.part}); the header is written last, at offset 0, once the count and the last
 * local time are known. {@link #finish()} then forces the file to disk and renames it onto the
 * destination, so that a reader never sees a half-written file under the destination's name and an
 * existing destination is replaced only by a complete file. {@link #close()} without {@link #finish()}
 * (an error, an interrupted conversion) deletes the temporary file and leaves the destination as it was.
 *
 * <pre>{@code
 * try (EventSource source = BinanceFeedReader.open(files);
 *         EventFileWriter writer = EventFileWriter.create(out, "btcusdt", "usdm_btcusdt_20240808.gz")) {
 *     MarketEvent e = source.event();
 *     while (source.next()) {
 *         writer.write(e);
 *     }
 *     writer.finish();
 * }
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class EventFileWriter implements AutoCloseable {
    private static final int BUFFER_BYTES = 1 << 20;

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final String symbol;
    private final String source;
    private final int headerLength;
    private long count;
    private long firstLocalTs;
    private long lastLocalTs;
    private boolean done;

    private EventFileWriter(
            Path target, Path temp, FileChannel channel, String symbol, String source, int headerLength) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.symbol = symbol;
        this.source = source;
        this.headerLength = headerLength;
    }

    /**
     * Starts writing {@code target}; nothing appears under that name before {@link #finish()}.
     *
     * @param symbol the instrument's symbol, or {@code ""}
     * @param source where the events come from, free text, or {@code ""}
     * @throws IllegalArgumentException when the symbol or the description is longer than
     *     {@link EventFile#MAX_TEXT_BYTES} bytes in UTF-8, or the target is a directory
     * @throws IOException when the temporary file cannot be created
     */
    public static EventFileWriter create(Path target, String symbol, String source) throws IOException {
        byte[] sym = symbol.getBytes(StandardCharsets.UTF_8);
        byte[] src = source.getBytes(StandardCharsets.UTF_8);
        if (sym.length > EventFile.MAX_TEXT_BYTES || src.length > EventFile.MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("the symbol and the source description must be at most "
                    + EventFile.MAX_TEXT_BYTES + " bytes each in UTF-8");
        }
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(target + " is a directory");
        }
        Path temp = PartFiles.partFileFor(target);
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        EventFileWriter writer =
                new EventFileWriter(target, temp, channel, symbol, source, EventFileHeader.lengthFor(sym, src));
        try {
            writer.buffer.put(new byte[writer.headerLength]); // the header's place, written by finish()
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
        return writer;
    }

    /** Appends the event the cursor holds. */
    public void write(MarketEvent e) throws IOException {
        write(e.ev(), e.exchTs(), e.localTs(), e.px(), e.qty(), e.orderId(), e.ival(), e.fval(), e.endOfMessage());
    }

    /**
     * Appends one event.
     *
     * @throws IllegalArgumentException when {@code ev} uses {@link EventFile#END_OF_MESSAGE_BIT}, which
     *     the format reserves, or the file already holds {@link EventFile#MAX_EVENTS} events
     * @throws IllegalStateException after {@link #finish()} or {@link #close()}
     */
    public void write(
            long ev,
            long exchTs,
            long localTs,
            double px,
            double qty,
            long orderId,
            long ival,
            double fval,
            boolean endOfMessage)
            throws IOException {
        if ((ev & EventFile.END_OF_MESSAGE_BIT) != 0) {
            throw new IllegalArgumentException("ev 0x" + Long.toHexString(ev) + " uses bit 32, which the .fgev "
                    + "format reserves for end-of-message marks");
        }
        if (done) {
            throw new IllegalStateException("the writer is finished or closed");
        }
        if (count == EventFile.MAX_EVENTS) {
            throw new IllegalArgumentException("more than " + EventFile.MAX_EVENTS + " events");
        }
        if (buffer.remaining() < EventFile.RECORD_BYTES) {
            flush();
        }
        ByteBuffer b = buffer;
        b.putLong(endOfMessage ? ev | EventFile.END_OF_MESSAGE_BIT : ev);
        b.putLong(exchTs);
        b.putLong(localTs);
        b.putDouble(px);
        b.putDouble(qty);
        b.putLong(orderId);
        b.putLong(ival);
        b.putDouble(fval);
        if (count == 0) {
            firstLocalTs = localTs;
        }
        lastLocalTs = localTs;
        count++;
    }

    /** Events written so far. */
    public long eventCount() {
        return count;
    }

    /** The file's size once finished, for the events written so far. */
    public long byteCount() {
        return headerLength + count * EventFile.RECORD_BYTES;
    }

    /**
     * Writes the header, forces the file to disk and renames it onto the target (replacing a file
     * there); returns the header written.
     */
    public EventFileHeader finish() throws IOException {
        if (done) {
            throw new IllegalStateException("the writer is finished or closed");
        }
        EventFileHeader header = new EventFileHeader(
                EventFile.VERSION,
                headerLength,
                count,
                EventFile.FLAG_END_OF_MESSAGE,
                firstLocalTs,
                lastLocalTs,
                symbol,
                source);
        try {
            flush();
            ByteBuffer bytes = header.encode();
            long at = 0;
            while (bytes.hasRemaining()) {
                at += channel.write(bytes, at);
            }
            channel.force(true);
            channel.close();
            PartFiles.publish(temp, target);
            done = true;
            return header;
        } finally {
            if (!done) {
                close();
            }
        }
    }

    /** Abandons an unfinished file (deleting the temporary file); does nothing after {@link #finish()}. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        PartFiles.discard(channel, temp);
    }

    private void flush() throws IOException {
        PartFiles.drain(buffer, channel);
    }
}
