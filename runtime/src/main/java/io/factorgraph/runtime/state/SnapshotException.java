package io.factorgraph.runtime.state;

import java.io.Serial;

/**
 * A snapshot that cannot be restored into this instance, or a node that cannot be snapshotted: its message is one
 * line that names the difference (the graph, a parameter and both values, the format version, truncation, a bad
 * checksum), meant to be printed to the user as it is.
 */
public final class SnapshotException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public SnapshotException(String message) {
        super(message, null, false, false);
    }
}
