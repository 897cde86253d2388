package io.factorgraph.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.exchange.ConstantLatency;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.report.RunMetadata;
import io.factorgraph.backtest.synthetic.SyntheticMarket;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.graph.CompiledGraph;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The backtest loop (events into the book and the simulator, graph ticks, the stateless_mm sink
 * working orders, recording) allocates nothing per event or tick. Measured in bytes, inside the
 * loop: the progress callback runs every 65,536 events, and the thread's allocation counter is read
 * there, so setup and the final copy of the recording are outside the measured stretches.
 */
class BacktestAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * Whole runs before the measured one. With two, about one test in three on the 2-core CI machine saw 48 to 616
     * bytes in one or two stretches of the third run, at a different stretch each time; with only the C1 compiler
     * ({@code -XX:TieredStopAtLevel=1}) 8 tests of 8 were clean. So the bytes come with C2 still compiling the loop,
     * not from the loop's own code. With five, 10 tests of 10 were clean.
     */
    private static final int WARM_UP_RUNS = 5;

    @Test
    void theLoopAllocatesNothingPerEventOrTick() throws Exception {
        CompiledGraph graph = FgCompiler.standard()
                .compile(Path.of("../examples/obi_mm.fg"), List.of())
                .orElseThrow();
        SimulatorConfig config = SimulatorConfig.of(0.1, 0.001)
                .withFees(0.0002, 0.0005)
                .withLatency(new ConstantLatency(5_000_000, 5_000_000));
        Backtest backtest = new Backtest(graph, config, graph.clockNanos().orElseThrow());
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            run(backtest);
        }
        List<Long> stretches = run(backtest);
        assertTrue(stretches.size() >= 4, "enough 65,536-event stretches: " + stretches);
        // The first stretch includes warm-up of this run's buffers; every later one must be clean, except
        // that the recorder may double an array once in a while (amortised O(1), not per tick).
        long clean = stretches.subList(1, stretches.size()).stream()
                .filter(b -> b == 0)
                .count();
        assertTrue(clean >= stretches.size() - 2, "bytes per 65,536 events after warm-up: " + stretches);
        assertEquals(
                0,
                stretches.subList(1, stretches.size()).stream()
                        .mapToLong(Long::longValue)
                        .min()
                        .orElseThrow(),
                "bytes per 65,536 events: " + stretches);
    }

    /**
     * Two sinks, each trading its own synthetic market (two seeds) on its own simulator, on one merged clock: still
     * nothing allocated per event or tick.
     */
    @Test
    void twoSinksOnTwoFeedsAllocateNothingPerEventOrTick() throws Exception {
        String quote = """
                sink stateless_mm(alpha_%1$s, vol_%1$s, stop_%1$s, book = %1$s,
                                  tick_size = 0.1, order_qty = 0.002, max_position = 0.02,
                                  half_spread = 0.00002, skew = 0.00002, c1 = 0.00001, power = 1.0,
                                  baseline_vol = 0.00002, grid_num = 3, grid_interval = 0.5)
                """;
        String factors = """
                alpha_%1$s = zscore(OBI(%1$s, 0.001), 600)
                vol_%1$s   = volatility(mid(%1$s), 600)
                stop_%1$s  = stop_loss(vol_%1$s, change(mid(%1$s)), vol_threshold = 3.0, change_threshold = 8.0,
                                       baseline_vol = 0.00002, baseline_change_std = 0.00002)
                """;
        CompiledGraph graph = FgCompiler.standard()
                .compile(
                        "two.fg",
                        "input a: Book\ninput b: Book\nclock every 100ms\n" + factors.formatted("a")
                                + factors.formatted("b") + quote.formatted("a") + quote.formatted("b"))
                .orElseThrow();
        SimulatorConfig config = SimulatorConfig.of(0.1, 0.001)
                .withFees(0.0002, 0.0005)
                .withLatency(new ConstantLatency(5_000_000, 5_000_000));
        Backtest backtest =
                new Backtest(graph, List.of(config, config), graph.clockNanos().orElseThrow());
        SyntheticMarket.Config market = SyntheticMarket.Config.defaults().withDuration(Duration.ofMinutes(10));
        List<io.factorgraph.backtest.exchange.timeline.ClockShift.Opener> feeds =
                List.of(() -> new SyntheticMarket(market.withSeed(1)), () -> new SyntheticMarket(market.withSeed(2)));
        List<Long> stretches = List.of();
        for (int i = 0; i < 3; i++) {
            stretches = measure(
                    progress -> backtest.run(feeds, List.of(RunMetadata.builder(), RunMetadata.builder()), progress));
        }
        assertTrue(stretches.size() >= 8, "enough 65,536-event stretches: " + stretches);
        long clean = stretches.subList(1, stretches.size()).stream()
                .filter(b -> b == 0)
                .count();
        assertTrue(clean >= stretches.size() - 3, "bytes per 65,536 events after warm-up: " + stretches);
    }

    /**
     * Four sinks on one feed (the points of a sweep): their simulators share one exchange-side book ({@code
     * ExchangeMarket}), and still nothing is allocated per event or tick.
     */
    @Test
    void fourSinksSharingOneExchangeBookAllocateNothingPerEventOrTick() throws Exception {
        List<List<io.factorgraph.runtime.compile.ParamOverride>> points = new ArrayList<>();
        for (String halfSpread : List.of("0.00001", "0.00002", "0.00003", "0.00004")) {
            points.add(List.of(new io.factorgraph.runtime.compile.ParamOverride("half_spread", halfSpread)));
        }
        CompiledGraph graph = FgCompiler.standard()
                .compileSweep(Path.of("../examples/obi_mm.fg"), points)
                .fused()
                .orElseThrow()
                .graph();
        SimulatorConfig config = SimulatorConfig.of(0.1, 0.001)
                .withFees(0.0002, 0.0005)
                .withLatency(new ConstantLatency(5_000_000, 5_000_000));
        Backtest backtest = new Backtest(
                graph,
                List.of(config, config, config, config),
                graph.clockNanos().orElseThrow());
        SyntheticMarket.Config market = SyntheticMarket.Config.defaults().withDuration(Duration.ofMinutes(10));
        List<io.factorgraph.backtest.exchange.timeline.ClockShift.Opener> feeds =
                List.of(() -> new SyntheticMarket(market));
        List<RunMetadata.Builder> metadata =
                List.of(RunMetadata.builder(), RunMetadata.builder(), RunMetadata.builder(), RunMetadata.builder());
        List<Long> stretches = List.of();
        for (int i = 0; i < 3; i++) {
            stretches = measure(progress -> backtest.runEach(feeds, metadata, progress, false));
        }
        assertTrue(stretches.size() >= 4, "enough 65,536-event stretches: " + stretches);
        long clean = stretches.subList(1, stretches.size()).stream()
                .filter(b -> b == 0)
                .count();
        assertTrue(clean >= stretches.size() - 2, "bytes per 65,536 events after warm-up: " + stretches);
    }

    /** A run, given the progress callback to measure with. */
    private interface Run {
        void run(BacktestProgress progress) throws Exception;
    }

    /** The bytes allocated in each 65,536-event stretch of a ten-minute synthetic run. */
    private static List<Long> run(Backtest backtest) throws Exception {
        SyntheticMarket.Config market = SyntheticMarket.Config.defaults().withDuration(Duration.ofMinutes(10));
        return measure(progress -> backtest.run(() -> new SyntheticMarket(market), RunMetadata.builder(), progress));
    }

    /** The bytes allocated in each 65,536-event stretch of a run. */
    private static List<Long> measure(Run run) throws Exception {
        List<Long> stretches = new ArrayList<>();
        long[] marks = new long[64];
        int[] count = {0};
        run.run((events, localTime) -> {
            if (localTime != Long.MIN_VALUE && count[0] < marks.length) {
                marks[count[0]++] = THREADS.getCurrentThreadAllocatedBytes();
            }
        });
        for (int i = 1; i < count[0]; i++) {
            stretches.add(marks[i] - marks[i - 1]);
        }
        return stretches;
    }
}
