package io.factorgraph.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.replay.FactorUpdate;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import io.factorgraph.runtime.replay.ReplaySnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The A/B contract of docs/DESIGN.md §13 at any cut of a recorded feed: the file cut at a random line after its REST
 * snapshot, a replay over the first part saves its state ({@link ReplayFactorProvider#saveState}), a fresh replay
 * over the second part restores it ({@link ReplaySnapshot}): its updates are, bit for bit, those one replay over
 * the whole file gives after the first part's last one; with a clock and without.
 */
class ReplayContinuationProperties {
    private static final String GRAPH = """
            %s
            obi   = OBI(book, 0.001)
            alpha = zscore(obi, 200)
            mid   = mid(book)
            vol   = volatility(mid, 300)
            trend = ewm_mean_halflife(mid, 5s)
            slow  = lag(mid, 20)
            hi    = rolling_max(mid, 10s)
            output alpha, vol, trend, slow, hi
            """;

    @Property(tries = 8)
    void aReplayRestoredAtAnyCutContinuesTheWholeOne(
            @ForAll @IntRange(min = 9, max = 41_000) int cut, @ForAll boolean clock) throws Exception {
        CompiledGraph graph = FgCompiler.standard()
                .compile("cut.fg", GRAPH.formatted(clock ? "clock every 250ms" : ""))
                .graph()
                .orElseThrow();
        long interval = graph.clockNanos().orElse(0);
        Path whole = RecordedData.file("spot_btcusdt_20240808.gz");
        Path dir = Files.createTempDirectory("fg-cut");
        try {
            Path[] parts = FeedCuts.split(whole, cut, dir);
            List<String> all = rows(graph, open(whole), interval, null);
            ReplayFactorProvider first = provider(graph, open(parts[0]), interval);
            List<String> a = drain(first);
            byte[] state = first.saveState();
            first.close();
            ReplaySnapshot snapshot = ReplaySnapshot.of(state, "cut " + cut, graph, interval);
            List<String> b = rows(graph, snapshot.open(0, List.of(parts[1]), GapPolicy.FAIL), interval, snapshot);
            assertTrue(all.size() > 100, all.size() + " rows");
            assertEquals(all.subList(0, a.size()), a, "the first part is the start of the whole");
            assertEquals(all.subList(a.size(), all.size()), b, "cut before line " + cut);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static EventSource open(Path file) throws MarketDataException {
        return EventSources.open(List.of(file), GapPolicy.FAIL);
    }

    private static ReplayFactorProvider provider(CompiledGraph graph, EventSource source, long interval) {
        return new ReplayFactorProvider(source, graph.newInstance(), interval, CrossedBookPolicy.FAIL);
    }

    private static List<String> rows(CompiledGraph graph, EventSource source, long interval, ReplaySnapshot from)
            throws MarketDataException {
        try (ReplayFactorProvider provider = provider(graph, source, interval)) {
            if (from != null) {
                provider.restore(from);
            }
            return drain(provider);
        }
    }

    private static List<String> drain(ReplayFactorProvider provider) throws MarketDataException {
        List<String> rows = new ArrayList<>();
        while (provider.next()) {
            FactorUpdate u = provider.current();
            StringBuilder row = new StringBuilder().append(u.timestampNanos());
            for (int i = 0; i < u.size(); i++) {
                row.append(',').append(Double.doubleToRawLongBits(u.value(i)));
            }
            rows.add(row.toString());
        }
        return rows;
    }
}
