package io.factorgraph.cli;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.replay.ReplaySnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which recorded files feed which {@code Book} input of a graph, checked ({@link DataOptions#bind}) before any
 * data is read: one feed per book, in the order of the graph's {@code books()} (= the order of the {@code input}
 * declarations, the merge's tie rule, docs/DESIGN.md §11), each feed the files that continue its stream.
 */
final class DataBindings {
    private final List<String> names;
    private final List<List<Path>> files;
    private final GapPolicy gapPolicy;

    DataBindings(List<String> names, List<List<Path>> files, GapPolicy gapPolicy) {
        if (names.size() != files.size()) {
            throw new IllegalArgumentException(names.size() + " books but " + files.size() + " feeds");
        }
        this.names = List.copyOf(names);
        this.files = files.stream().map(List::copyOf).toList();
        this.gapPolicy = gapPolicy;
    }

    /** The books' names, in the graph's {@code books()} order. */
    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    /** The files of book {@code i}'s feed, in time order. */
    List<Path> files(int i) {
        return files.get(i);
    }

    /** Every file, book by book, for a run's metadata. */
    List<Path> allFiles() {
        return files.stream().flatMap(List::stream).toList();
    }

    /** Opens book {@code i}'s feed. */
    EventSource open(int i) throws MarketDataException {
        return EventSources.open(files.get(i), gapPolicy);
    }

    /**
     * Opens book {@code i}'s feed as the continuation of the feed a snapshot saved ({@link ReplaySnapshot#open}), or
     * from its start without one.
     */
    EventSource open(int i, Optional<ReplaySnapshot> snapshot) throws MarketDataException {
        return snapshot.isPresent() ? snapshot.get().open(i, files.get(i), gapPolicy) : open(i);
    }

    /** Opens every feed, in {@link #names()} order; a feed that fails to open closes those already open. */
    List<EventSource> openAll() throws MarketDataException {
        return openAll(Optional.empty());
    }

    /** {@link #openAll()}, each feed continuing the snapshot's when there is one. */
    List<EventSource> openAll(Optional<ReplaySnapshot> snapshot) throws MarketDataException {
        List<EventSource> sources = new ArrayList<>(size());
        try {
            for (int i = 0; i < size(); i++) {
                sources.add(open(i, snapshot));
            }
        } catch (MarketDataException | RuntimeException e) {
            sources.forEach(EventSource::close);
            throw e;
        }
        return sources;
    }
}
