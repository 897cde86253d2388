package io.factorgraph.runtime.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.compile.SweepCompileResult;
import io.factorgraph.runtime.compile.SweepPoint;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.FusedGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays the recorded file through a fused graph and through each compiled point's own graph side by side,
 * and checks at every tick that every argument of every point's sinks is the same to the bit.
 */
final class Lockstep {
    static final Path FILE = RecordedData.file("usdm_btcusdt_20240808.gz");

    private Lockstep() {}

    /**
     * Runs up to {@code maxTicks} ticks (all of the file when it is {@link Long#MAX_VALUE}) and returns how many
     * sink arguments were compared while not NaN, so a caller can tell a real comparison from a vacuous one.
     */
    static long compare(FgCompiler compiler, String source, SweepCompileResult result, long maxTicks)
            throws MarketDataException {
        FusedGraph fused = result.fused().orElseThrow();
        long interval = fused.graph().clockNanos().orElseThrow();
        List<ReplayFactorProvider> separate = new ArrayList<>();
        List<Integer> points = new ArrayList<>();
        long numbers = 0;
        try (ReplayFactorProvider together = provider(fused.graph(), interval)) {
            for (SweepPoint point : result.points()) {
                if (point.ok()) {
                    CompiledGraph own =
                            compiler.compile("own.fg", source, asMap(point)).orElseThrow();
                    separate.add(provider(own, interval));
                    points.add(point.index());
                }
            }
            GraphInstance fusedInstance = together.instance();
            long ticks = 0;
            while (ticks < maxTicks && together.next()) {
                ticks++;
                for (int i = 0; i < separate.size(); i++) {
                    ReplayFactorProvider own = separate.get(i);
                    assertTrue(own.next(), "point " + points.get(i) + " ended early");
                    assertEquals(
                            together.current().timestampNanos(), own.current().timestampNanos());
                    List<SinkBinding> fusedSinks = fused.sinks(points.get(i));
                    List<SinkBinding> ownSinks = own.instance().graph().sinks();
                    assertEquals(ownSinks.size(), fusedSinks.size());
                    for (int s = 0; s < ownSinks.size(); s++) {
                        List<Integer> expected = ownSinks.get(s).argumentSlots();
                        List<Integer> actual = fusedSinks.get(s).argumentSlots();
                        for (int a = 0; a < expected.size(); a++) {
                            double want = own.instance().slot(expected.get(a));
                            double got = fusedInstance.slot(actual.get(a));
                            if (Double.doubleToRawLongBits(want) != Double.doubleToRawLongBits(got)) {
                                throw new AssertionError("point " + points.get(i) + " sink " + s + " argument " + a
                                        + " at tick " + ticks + ": fused " + got + ", own graph " + want);
                            }
                            if (!Double.isNaN(want)) {
                                numbers++;
                            }
                        }
                    }
                }
            }
            if (maxTicks == Long.MAX_VALUE) {
                for (ReplayFactorProvider own : separate) {
                    assertTrue(!own.next(), "a point's own graph ticked after the fused one ended");
                }
            }
        } finally {
            separate.forEach(ReplayFactorProvider::close);
        }
        return numbers;
    }

    static ReplayFactorProvider provider(CompiledGraph graph, long interval) throws MarketDataException {
        return new ReplayFactorProvider(
                EventSources.open(List.of(FILE), GapPolicy.FAIL),
                graph.newInstance(),
                interval,
                CrossedBookPolicy.FAIL);
    }

    private static java.util.Map<String, String> asMap(SweepPoint point) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        point.overrides().forEach(o -> values.put(o.name(), o.value()));
        return values;
    }
}
