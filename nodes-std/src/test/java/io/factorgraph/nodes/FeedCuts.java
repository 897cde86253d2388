package io.factorgraph.nodes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** A recorded feed cut in two at a line, as a recorder that rotated its file there would have written it. */
final class FeedCuts {
    private FeedCuts() {}

    /** The file's lines before {@code cut} (1-based) and from it on, as two new gzip files in {@code dir}. */
    static Path[] split(Path file, int cut, Path dir) throws IOException {
        Path a = Files.createTempFile(dir, "a", ".gz");
        Path b = Files.createTempFile(dir, "b", ".gz");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8));
                Writer wa = gzip(a);
                Writer wb = gzip(b)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                (++n < cut ? wa : wb).write(line + "\n");
            }
        }
        return new Path[] {a, b};
    }

    private static Writer gzip(Path file) throws IOException {
        return new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8);
    }
}
