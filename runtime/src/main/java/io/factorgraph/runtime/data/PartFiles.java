package io.factorgraph.runtime.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the event-file writers replace a file without ever leaving half of one: they write a hidden
 * {@code .part} file beside the destination and rename it over the destination only when it is whole,
 * so a failed or interrupted conversion leaves the destination exactly as it was.
 */
public final class PartFiles {
    private PartFiles() {}

    /** A hidden, not yet existing file in the target's directory, so that the final rename is atomic. */
    public static Path partFileFor(Path target) {
        Path absolute = target.toAbsolutePath();
        String random = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        return absolute.resolveSibling("." + absolute.getFileName() + "." + random + ".part");
    }

    /** Renames a finished part file onto its target, atomically where the file system can. */
    public static void publish(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Closes the part file's channel and deletes it; failures are ignored, as a leftover hidden file is harmless. */
    public static void discard(FileChannel channel, Path part) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // deleting it below is what matters
        }
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // a leftover hidden .part file is harmless
        }
    }

    /**
     * Writes the buffer's content (position to limit) at the channel's position, then clears the buffer for
     * refilling.
     */
    public static void drain(ByteBuffer buffer, FileChannel channel) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }
}
