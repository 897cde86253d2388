package io.factorgraph.cli;

import io.factorgraph.sweep.DataSpan;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A sweep's data spans as files on this machine, fetched only when needed: {@code --report}'s best point is backtested
 * on the driver from its span's data (and, with {@code --days}, from the days before it), which on a cluster may live
 * on a file system the driver has to copy from.
 */
@FunctionalInterface
public interface SpanFiles {
    /**
     * @param span the span's place in the sweep's order (with {@code --days}: the day's)
     * @param dir where files that are not on this machine may be copied
     */
    DataSpan local(int span, Path dir) throws IOException;
}
