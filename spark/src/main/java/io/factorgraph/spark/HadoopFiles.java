package io.factorgraph.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * A span's URIs through Hadoop's {@link FileSystem}, so that any scheme the cluster is configured for ({@code hdfs:},
 * {@code s3a:}, {@code file:} on a shared mount, ...) can hold the data. The driver checks every URI before a task
 * starts, so that a wrong one is one line naming it; a task copies each file that is not on a local file system to its
 * own temporary directory, because the readers of recorded data open local files (and tell the format by the name,
 * which the copy keeps).
 */
public final class HadoopFiles {
    private HadoopFiles() {}

    /**
     * @throws IllegalArgumentException naming the span, the input and the URI, when a URI is malformed, has a scheme
     *     no file system serves, or names no readable file
     */
    public static void check(RemoteSpan span, Configuration conf) {
        span.uris().forEach((book, uris) -> {
            for (String text : uris) {
                String where = "span " + span.label() + ", input " + book + ": " + text + ": ";
                org.apache.hadoop.fs.Path path = path(text, where);
                try {
                    FileSystem fs = path.getFileSystem(conf);
                    if (!fs.getFileStatus(path).isFile()) {
                        throw new IllegalArgumentException(where + "not a file");
                    }
                } catch (java.io.FileNotFoundException e) {
                    throw new IllegalArgumentException(where + "no such file", e);
                } catch (IOException e) {
                    throw new IllegalArgumentException(where + "cannot be read (" + e.getMessage() + ")", e);
                }
            }
        });
    }

    /**
     * The span's files as local paths: a {@code file:} URI or a plain path as it is, anything else copied into
     * {@code dir} under its own name.
     */
    public static Map<String, List<Path>> localise(RemoteSpan span, Configuration conf, Path dir) throws IOException {
        Map<String, List<Path>> out = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, List<String>> e : span.uris().entrySet()) {
            List<Path> files = new ArrayList<>();
            for (String text : e.getValue()) {
                org.apache.hadoop.fs.Path path = path(text, text + ": ");
                URI uri = path.toUri();
                if (uri.getScheme() == null || uri.getScheme().equals("file")) {
                    files.add(Path.of(uri.getPath()));
                    continue;
                }
                Path local = dir.resolve((n++) + "-" + path.getName());
                try (InputStream in = path.getFileSystem(conf).open(path)) {
                    Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
                }
                files.add(local);
            }
            out.put(e.getKey(), files);
        }
        return out;
    }

    private static org.apache.hadoop.fs.Path path(String text, String where) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(where + "empty");
        }
        try {
            URI uri = new URI(text);
            return uri.getScheme() == null ? new org.apache.hadoop.fs.Path(text) : new org.apache.hadoop.fs.Path(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + "not a URI (" + e.getReason() + ")", e);
        }
    }
}
