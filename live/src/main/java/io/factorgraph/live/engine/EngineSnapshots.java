package io.factorgraph.live.engine;

import io.factorgraph.live.launch.ProcessLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The engine's snapshot files in one directory (docs/DESIGN.md §13): written periodically and on a clean shutdown,
 * each atomically (a temporary file, forced to disk, then renamed), the newest {@code keep} kept; at a start, the
 * newest that reads back whole is restored, a damaged one (truncated, checksum) skipped with one log line.
 *
 * <p>A file is the graph's own snapshot ({@code GraphInstance.saveState}: nodes, books, parameters, fingerprint) in an
 * envelope that adds what the engine needs to continue: the tick time the state is as of (every event at or before
 * it applied, none after: a snapshot is taken right after a tick), and the engine's tick counters (so warm-up goes on
 * counting where it was). Big-endian:
 *
 * <pre>
 * int    magic 'FGLE'
 * int    envelope version
 * long   tick time (ns, local clock)
 * long   ticks computed, ticks since the last sync
 * int    length, then the graph's snapshot bytes
 * long   CRC-32C of every byte before it
 * </pre>
 *
 * Names are {@code engine-TTTTTTTTTTTTTTTTTTTT.fgstate} with the tick time zero-padded, so the newest sorts last.
 */
public final class EngineSnapshots {
    static final int MAGIC = 0x46474c45;
    static final int VERSION = 1;
    private static final String PREFIX = "engine-";
    private static final String SUFFIX = ".fgstate";
    private static final int HEADER = 4 + 4 + 8 + 8 + 8 + 4;

    private final Path dir;
    private final int keep;
    private final ProcessLog log;

    /**
     * One snapshot read back whole.
     *
     * @param tickTimeNs every event at or before this local time is in the state, none after
     * @param graphState the bytes {@code GraphInstance.restoreState} takes
     */
    public record Snapshot(Path file, long tickTimeNs, long ticks, long ticksSinceSync, byte[] graphState) {}

    /** @param keep how many of the newest files to keep (at least 1) */
    public EngineSnapshots(Path dir, int keep, ProcessLog log) {
        if (keep < 1) {
            throw new IllegalArgumentException("--snapshot-keep must be at least 1, was " + keep);
        }
        this.dir = dir;
        this.keep = keep;
        this.log = log;
    }

    public Path dir() {
        return dir;
    }

    /** The file a snapshot at {@code tickTimeNs} is written to. */
    Path fileFor(long tickTimeNs) {
        return dir.resolve(String.format("%s%020d%s", PREFIX, tickTimeNs, SUFFIX));
    }

    /** Writes one snapshot atomically and drops the oldest beyond {@code keep}; returns its file. */
    public Path write(long tickTimeNs, long ticks, long ticksSinceSync, byte[] graphState) {
        ByteBuffer out = ByteBuffer.allocate(HEADER + graphState.length + 8);
        out.putInt(MAGIC).putInt(VERSION).putLong(tickTimeNs).putLong(ticks).putLong(ticksSinceSync);
        out.putInt(graphState.length).put(graphState);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putLong(crc.getValue());
        out.flip();
        Path target = fileFor(tickTimeNs);
        Path temp = dir.resolve("." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(
                    temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                while (out.hasRemaining()) {
                    channel.write(out);
                }
                channel.force(true); // on disk before the rename makes it visible
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            List<Path> files = files();
            for (int i = 0; i < files.size() - keep; i++) {
                Files.deleteIfExists(files.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /**
     * The newest snapshot that reads back whole, or null when there is none; each damaged newer one is logged in one
     * line and skipped.
     */
    public Snapshot newest() {
        List<Path> files;
        try {
            files = files();
        } catch (IOException e) {
            log.error("cannot list snapshot directory " + dir + ": " + e.getMessage());
            return null;
        }
        Collections.reverse(files);
        for (Path file : files) {
            try {
                return read(file);
            } catch (DamagedSnapshotException e) {
                log.error(e.getMessage() + "; falling back to the previous snapshot");
            }
        }
        return null;
    }

    /** The snapshot files, oldest first. */
    List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            stream.forEach(files::add);
        }
        Collections.sort(files);
        return files;
    }

    /** Reads one file's envelope; the graph's bytes are checked by {@code GraphInstance.restoreState}. */
    static Snapshot read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DamagedSnapshotException(file + ": gone while reading it");
        } catch (IOException e) {
            throw new DamagedSnapshotException(file + ": cannot read it: " + e.getMessage());
        }
        if (bytes.length < HEADER + 8) {
            throw new DamagedSnapshotException(file + ": truncated snapshot (" + bytes.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getInt() != MAGIC) {
            throw new DamagedSnapshotException(file + ": not an engine snapshot (no 'FGLE' magic)");
        }
        int version = in.getInt();
        if (version != VERSION) {
            throw new DamagedSnapshotException(
                    file + ": engine snapshot envelope version " + version + ", this build reads " + VERSION);
        }
        long tickTime = in.getLong();
        long ticks = in.getLong();
        long sinceSync = in.getLong();
        int length = in.getInt();
        if (length < 0 || length != bytes.length - HEADER - 8) {
            throw new DamagedSnapshotException(file + ": truncated or damaged snapshot (" + bytes.length
                    + " bytes, its header announces " + ((long) HEADER + length + 8) + ")");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 8);
        if (ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong() != crc.getValue()) {
            throw new DamagedSnapshotException(file + ": damaged snapshot (checksum mismatch)");
        }
        byte[] state = new byte[length];
        in.get(state);
        return new Snapshot(file, tickTime, ticks, sinceSync, state);
    }

    /** A snapshot file that does not read back whole: the previous one is tried. */
    static final class DamagedSnapshotException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DamagedSnapshotException(String message) {
            super(message, null, false, false);
        }
    }
}
