package io.factorgraph.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One data span of a sweep as a cluster sees it: for each {@code Book} input of the file, its files in time order as
 * URIs that every executor can read (any Hadoop-compatible URI, or a path on a directory every machine mounts). Several
 * days are several spans; each (span, point) is one row of the results. Immutable and serialisable, since every task
 * carries its span.
 *
 * @param label how the rows name the span, e.g. the day
 * @param uris by Book input name, in the file's order
 */
public record RemoteSpan(String label, Map<String, List<String>> uris) implements Serializable {
    private static final long serialVersionUID = 1L;

    public RemoteSpan {
        if (label.isBlank()) {
            throw new IllegalArgumentException("a span needs a label");
        }
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("span '" + label + "' has no data");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        uris.forEach((book, files) -> {
            if (files.isEmpty()) {
                throw new IllegalArgumentException("span '" + label + "': input " + book + " has no file");
            }
            copy.put(book, Collections.unmodifiableList(new ArrayList<>(files)));
        });
        uris = Collections.unmodifiableMap(copy);
    }
}
