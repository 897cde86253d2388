package io.factorgraph.sweep;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data one run of the points replays: for each {@code Book} input of the file, its files in time order (several
 * files continue one stream, docs/DESIGN.md §11). Several days are several spans; each (span, point) is one row.
 * Immutable.
 *
 * @param label how the rows name the span, e.g. the day
 * @param files by Book input name
 */
public record DataSpan(String label, Map<String, List<Path>> files) {
    public DataSpan {
        Map<String, List<Path>> copy = new LinkedHashMap<>();
        files.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        files = Collections.unmodifiableMap(copy);
    }
}
