package io.factorgraph.spark;

import java.net.URI;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk under the scheme {@code remote:}, standing in for HDFS or an object store in the tests: a task must
 * copy its files to its own disk through Hadoop's FileSystem, as on a cluster.
 */
public final class RemoteTestFileSystem extends RawLocalFileSystem {
    @Override
    public URI getUri() {
        return URI.create("remote:///");
    }

    @Override
    public String getScheme() {
        return "remote";
    }
}
