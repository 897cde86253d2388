package io.factorgraph.runtime.state;

import java.util.Arrays;

/**
 * A named, versioned block a snapshot carries after the graph's state: what a driver of the graph needs besides it
 * to continue exactly (the replay's clock phase and each feed's sync state, docs/DESIGN.md §13), so that one file
 * restores everything. The graph's checksum covers it; its meaning is its owner's, which checks {@link #version()}.
 *
 * @param name who wrote it and reads it back, e.g. {@code "replay"}
 * @param version its layout's version, checked by its reader
 * @param bytes its content (copied in and out)
 */
public record SnapshotSection(String name, int version, byte[] bytes) {
    public SnapshotSection {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a snapshot section needs a name");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** A reader over the content, naming {@code what} in its errors. */
    public StateReader reader(String what) {
        return new StateReader(bytes, 0, bytes.length, what);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SnapshotSection s
                && s.name.equals(name)
                && s.version == version
                && Arrays.equals(s.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + version) + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SnapshotSection[" + name + " v" + version + ", " + bytes.length + " bytes]";
    }
}
