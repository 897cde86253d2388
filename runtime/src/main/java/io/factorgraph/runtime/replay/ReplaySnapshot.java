package io.factorgraph.runtime.replay;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.state.SnapshotException;
import io.factorgraph.runtime.state.SnapshotSection;
import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A replay's whole state, to continue it exactly over the files that continue its feeds (docs/DESIGN.md §13): the
 * graph's state ({@link GraphInstance#saveState}) and, in a section {@value #SECTION} (version {@value #VERSION})
 * after it, what the replay around the graph needs:
 *
 * <pre>
 * clock    the sampling clock's phase ({@link SamplingClock#writeState}), its interval first
 * int      feed count, then per feed, in the order of the graph's books:
 *   bytes    its reader's continuation ({@link EventSource#continuation()}: Binance sync state, last update id, ...)
 *   int      count of events read but never applied (the stream ended with another feed), then each event
 * </pre>
 *
 * <p>So a run over file A that saves, then a run over file B (which continues A's stream) that restores, gives the
 * rows one run over A and B gives after A's last row, bit for bit: B's first diffs continue A's update ids without
 * a new snapshot, the clock ticks on A's grid, every window is as full as it was.
 *
 * <p>Reading checks everything before any data is read: the file (missing, unreadable, empty), the graph's checks
 * (magic, version, length, checksum, parameters, fingerprint: {@link GraphInstance#restoreState}), the section's
 * presence and version, the feed count and the sampling interval; each failure is one {@link SnapshotException}
 * line.
 */
public final class ReplaySnapshot {
    /** The name of the replay's section. */
    public static final String SECTION = "replay";
    /** The layout of the replay's section. */
    public static final int VERSION = 1;

    private final byte[] bytes;
    private final String what;
    private final byte[][] continuations;
    private final List<List<MarketEvent>> carried;

    private ReplaySnapshot(byte[] bytes, String what, byte[][] continuations, List<List<MarketEvent>> carried) {
        this.bytes = bytes;
        this.what = what;
        this.continuations = continuations;
        this.carried = carried;
    }

    /**
     * Reads a snapshot file and checks it against the graph and this run's sampling interval.
     *
     * @throws SnapshotException one line: the file is missing, unreadable or empty, or as {@link #of}
     */
    public static ReplaySnapshot read(Path file, CompiledGraph graph, long intervalNanos) {
        String what = String.valueOf(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SnapshotException(what + ": cannot read the state snapshot: no such file");
        } catch (AccessDeniedException e) {
            throw new SnapshotException(what + ": cannot read the state snapshot: permission denied");
        } catch (IOException e) {
            throw new SnapshotException(what + ": cannot read the state snapshot: "
                    + (Files.isDirectory(file) ? "it is a directory" : String.valueOf(e.getMessage())));
        }
        if (bytes.length == 0) {
            throw new SnapshotException(what + ": the state snapshot is an empty file (0 bytes); was it written "
                    + "by a run that failed?");
        }
        return of(bytes, what, graph, intervalNanos);
    }

    /**
     * Checks a snapshot's bytes against the graph (by restoring them into a new instance of it) and this run's
     * sampling interval.
     *
     * @param what names the snapshot in messages (its file)
     * @throws SnapshotException one line naming the difference
     */
    public static ReplaySnapshot of(byte[] bytes, String what, CompiledGraph graph, long intervalNanos) {
        List<SnapshotSection> sections = graph.newInstance().restoreState(bytes, what);
        SnapshotSection section = sections.stream()
                .filter(s -> s.name().equals(SECTION))
                .findFirst()
                .orElseThrow(() -> new SnapshotException(what + ": the snapshot holds a graph's state but no "
                        + "replay state (clock phase, feeds' sync state); take it with fg run or fg backtest "
                        + "--save-state"));
        if (section.version() != VERSION) {
            throw new SnapshotException(what + ": the snapshot's replay state is version " + section.version()
                    + ", this build reads version " + VERSION + "; take the snapshot again with this build");
        }
        StateReader in = section.reader(what);
        new SamplingClock(intervalNanos).readState(in, what);
        int feeds = in.readLength(5);
        if (feeds != graph.books().size()) {
            throw in.corrupt(feeds + " feeds for a graph of " + graph.books().size() + " books");
        }
        byte[][] continuations = new byte[feeds][];
        List<List<MarketEvent>> carried = new ArrayList<>(feeds);
        for (int f = 0; f < feeds; f++) {
            continuations[f] = in.readBytes();
            int count = in.readLength(65);
            List<MarketEvent> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                MarketEvent e = new MarketEvent();
                e.set(
                        in.readLong(),
                        in.readLong(),
                        in.readLong(),
                        in.readDouble(),
                        in.readDouble(),
                        in.readLong(),
                        in.readLong(),
                        in.readDouble(),
                        in.readBoolean());
                events.add(e);
            }
            carried.add(List.copyOf(events));
        }
        if (in.remaining() != 0) {
            throw in.corrupt(in.remaining() + " bytes after the replay state");
        }
        return new ReplaySnapshot(bytes.clone(), what, continuations, List.copyOf(carried));
    }

    /**
     * Opens feed {@code feed}'s files as the continuation of the saved run's feed: its reader goes on from the saved
     * sync state, after the events the saved run read but did not apply.
     *
     * @throws MarketDataException when a file cannot be read, naming it
     */
    public EventSource open(int feed, List<Path> files, GapPolicy gapPolicy) throws MarketDataException {
        EventSource source = EventSources.open(files, gapPolicy, continuations[feed]);
        List<MarketEvent> events = carried.get(feed);
        return events.isEmpty() ? source : new CarriedEventSource(events, source, what);
    }

    /** Events the saved run read on {@code feed} but never applied; {@link #open} replays them first. */
    public int carriedCount(int feed) {
        return carried.get(feed).size();
    }

    /**
     * Restores the graph's state into {@code instance} and the clock's phase into {@code clock}, before the first
     * event of the continuing files.
     */
    public void restore(GraphInstance instance, SamplingClock clock) {
        for (SnapshotSection section : instance.restoreState(bytes, what)) {
            if (section.name().equals(SECTION)) {
                clock.readState(section.reader(what), what);
            }
        }
    }

    /**
     * The snapshot of a replay that has ended ({@link MergedReplay#read()} returned false, the clock's last ticks
     * taken): the instance's state, the clock's phase, each feed's continuation and the events it never applied.
     * Reads the feeds that had not ended to their end.
     *
     * @throws MarketDataException when the rest of a feed cannot be read
     */
    public static byte[] save(GraphInstance instance, SamplingClock clock, MergedReplay replay)
            throws MarketDataException {
        StateWriter out = new StateWriter();
        clock.writeState(out);
        out.writeInt(replay.size());
        for (int f = 0; f < replay.size(); f++) {
            List<MarketEvent> rest = replay.remaining(f);
            out.writeBytes(replay.replay(f).source().continuation());
            out.writeInt(rest.size());
            for (MarketEvent e : rest) {
                out.writeLong(e.ev());
                out.writeLong(e.exchTs());
                out.writeLong(e.localTs());
                out.writeDouble(e.px());
                out.writeDouble(e.qty());
                out.writeLong(e.orderId());
                out.writeLong(e.ival());
                out.writeDouble(e.fval());
                out.writeBoolean(e.endOfMessage());
            }
        }
        return instance.saveState(List.of(new SnapshotSection(SECTION, VERSION, out.toByteArray())));
    }
}
