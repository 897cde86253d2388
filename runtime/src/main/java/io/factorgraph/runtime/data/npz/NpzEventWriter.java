package io.factorgraph.runtime.data.npz;

import io.factorgraph.runtime.data.PartFiles;
import io.factorgraph.runtime.market.MarketEvent;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes hftbacktest's {@code .npz} event file: a zip holding {@code data.npy}, a one-dimensional array of
 * its 64-byte event dtype, stored uncompressed as {@code np.savez(path, data=events)} writes it, so that
 * hftbacktest users can load what {@code fg convert} produced ({@code np.load(path)['data']}) and
 * {@link NpzEventReader} reads it back.
 *
 * <p>Streaming in bounded memory: events go to a temporary {@code .npy} whose header leaves room for any
 * event count and is patched at the end; {@link #finish()} then checksums it, stores it into a temporary
 * zip (ZIP64 when it passes 4 GB) and renames that onto the destination, atomically as
 * {@code .fgev} writer does. An {@code .npz} has no place for message boundaries:
 * {@link MarketEvent#endOfMessage()} is not written ({@link NpzEventReader} infers it from runs of equal
 * timestamps). Not thread-safe.
 */
public final class NpzEventWriter implements AutoCloseable {
    private static final int BUFFER_BYTES = 1 << 20;
    private static final String DESCR = "[('ev', '<u8'), ('exch_ts', '<i8'), ('local_ts', '<i8'), ('px', '<f8'), "
            + "('qty', '<f8'), ('order_id', '<u8'), ('ival', '<i8'), ('fval', '<f8')]";
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    /** The preamble and header, fixed so that any 64-bit count fits; a multiple of 64 as numpy aligns it. */
    private static final int PREAMBLE_BYTES = alignedLength(headerDict(Long.MAX_VALUE));

    private final Path target;
    private final Path npy;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long count;
    private boolean done;

    private NpzEventWriter(Path target, Path npy, FileChannel channel) {
        this.target = target;
        this.npy = npy;
        this.channel = channel;
    }

    /** Starts writing {@code target}; nothing appears under that name before {@link #finish()}. */
    public static NpzEventWriter create(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(target + " is a directory");
        }
        Path npy = PartFiles.partFileFor(target);
        FileChannel channel =
                FileChannel.open(npy, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        NpzEventWriter writer = new NpzEventWriter(target, npy, channel);
        writer.buffer.put(new byte[PREAMBLE_BYTES]); // the header's place, written by finish()
        return writer;
    }

    /** Appends the event the cursor holds ({@code endOfMessage} is not recorded). */
    public void write(MarketEvent e) throws IOException {
        write(e.ev(), e.exchTs(), e.localTs(), e.px(), e.qty(), e.orderId(), e.ival(), e.fval());
    }

    /** Appends one row, field by field as hftbacktest's event dtype holds them. */
    public void write(long ev, long exchTs, long localTs, double px, double qty, long orderId, long ival, double fval)
            throws IOException {
        if (done) {
            throw new IllegalStateException("the writer is finished or closed");
        }
        if (buffer.remaining() < NpzEventReader.EVENT_BYTES) {
            flush();
        }
        ByteBuffer b = buffer;
        b.putLong(ev);
        b.putLong(exchTs);
        b.putLong(localTs);
        b.putDouble(px);
        b.putDouble(qty);
        b.putLong(orderId);
        b.putLong(ival);
        b.putDouble(fval);
        count++;
    }

    public long eventCount() {
        return count;
    }

    /** Completes the array, zips it and renames the zip onto the target; returns the zip's size in bytes. */
    public long finish() throws IOException {
        if (done) {
            throw new IllegalStateException("the writer is finished or closed");
        }
        Path zip = PartFiles.partFileFor(target);
        boolean ok = false;
        try {
            flush();
            ByteBuffer header = ByteBuffer.wrap(preamble(count));
            long at = 0;
            while (header.hasRemaining()) {
                at += channel.write(header, at);
            }
            channel.close();
            long size = Files.size(npy);
            CRC32 crc = new CRC32();
            byte[] chunk = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(npy)) {
                for (int n; (n = in.read(chunk)) > 0; ) {
                    crc.update(chunk, 0, n);
                }
            }
            ZipEntry entry = new ZipEntry("data.npy");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(size);
            entry.setCompressedSize(size);
            entry.setCrc(crc.getValue());
            try (OutputStream file = Files.newOutputStream(zip, StandardOpenOption.CREATE_NEW);
                    ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16))) {
                out.putNextEntry(entry);
                Files.copy(npy, out);
                out.closeEntry();
            }
            try (FileChannel written = FileChannel.open(zip, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            PartFiles.publish(zip, target);
            ok = true;
            return Files.size(target);
        } finally {
            if (!ok) {
                Files.deleteIfExists(zip);
            }
            close();
        }
    }

    /** Abandons an unfinished file, deleting the temporary files; idempotent. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        PartFiles.discard(channel, npy);
    }

    private void flush() throws IOException {
        PartFiles.drain(buffer, channel);
    }

    private static String headerDict(long count) {
        return "{'descr': " + DESCR + ", 'fortran_order': False, 'shape': (" + count + ",), }";
    }

    /** Magic, version 1.0, the header length and the dict padded with spaces and a newline to a multiple of 64. */
    private static int alignedLength(String dict) {
        int raw = MAGIC.length + 2 + dict.length() + 1;
        return (raw + 63) / 64 * 64;
    }

    static byte[] preamble(long count) {
        String dict = headerDict(count);
        int headerLength = PREAMBLE_BYTES - MAGIC.length - 2;
        String padded = dict + " ".repeat(headerLength - dict.length() - 1) + "\n";
        ByteBuffer b = ByteBuffer.allocate(PREAMBLE_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putShort((short) headerLength).put(padded.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }
}
