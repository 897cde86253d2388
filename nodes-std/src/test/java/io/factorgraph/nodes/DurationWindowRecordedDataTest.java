package io.factorgraph.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.replay.FactorUpdate;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import io.factorgraph.testkit.streams.BatchReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Duration windows on the recorded BTCUSDT perpetual, through the compiler and the replay that {@code fg run} uses:
 * on a 100ms clock the duration form is the tick form to the bit (docs/DESIGN.md §11), and without a clock it is its
 * batch definition over the samples of the last second.
 */
class DurationWindowRecordedDataTest {
    private static final Path BTC = RecordedData.file("usdm_btcusdt_20240808.gz");

    private static final String BY_TICKS = """
            clock every 100ms
            m = mid(book)
            z = zscore(OBI(book, 0.001), 600)
            v = volatility(m, 600)
            s = rolling_std(m, 600)
            a = rolling_mean(m, 300)
            lo = rolling_min(m, 600)
            hi = rolling_max(m, 50)
            t = rolling_sum(change(m), 600)
            e = ewm_mean_halflife(m, 300)
            d = ewm_std_halflife(m, 20)
            output z, v, s, a, lo, hi, t, e, d
            """;

    @Test
    void sixtySecondsOnAHundredMillisecondClockIsTheSixHundredTickWindowToTheBit() throws Exception {
        String byTime = BY_TICKS.replace(", 600)", ", 60s)")
                .replace(", 300)", ", 30s)")
                .replace(", 50)", ", 5s)")
                .replace(", 20)", ", 2s)");
        assertTrue(byTime.contains("zscore(OBI(book, 0.001), 60s)") && !byTime.contains("600"), byTime);
        List<double[]> ticks = run(BY_TICKS);
        List<double[]> time = run(byTime);
        assertEquals(ticks.size(), time.size());
        assertTrue(ticks.size() > 3_000, "six minutes of 100ms ticks, was " + ticks.size());
        for (int row = 0; row < ticks.size(); row++) {
            double[] expected = ticks.get(row);
            double[] actual = time.get(row);
            for (int column = 0; column < expected.length; column++) {
                assertEquals(
                        Double.doubleToRawLongBits(expected[column]),
                        Double.doubleToRawLongBits(actual[column]),
                        "row " + row + ", column " + column + " at " + (long) expected[0]);
            }
        }
    }

    @Test
    void withoutAClockAOneSecondWindowIsItsBatchDefinitionOnEveryBookChange() throws Exception {
        List<double[]> rows = run("m = mid(book)\ns = rolling_std(m, 1s)\nx = rolling_max(m, 1s)\noutput m, s, x\n");
        int n = rows.size();
        long[] times = new long[n];
        double[] mids = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = (long) rows.get(i)[0];
            mids[i] = rows.get(i)[1];
        }
        assertTrue(n > 5_000, "ticks on every book change, was " + n);
        int checked = 0;
        for (int t = 0; t < n; t++) {
            int w = BatchReference.ticksWithin(times, t, 1_000_000_000L);
            double std = BatchReference.std(mids, t, w);
            assertEquals(std, rows.get(t)[2], 1e-9 * Math.max(std, 1e-3), "std at row " + t);
            assertEquals(BatchReference.max(mids, t, w), rows.get(t)[3], "max at row " + t);
            checked++;
        }
        assertEquals(n, checked);
    }

    /** Each row: the tick's time, then the outputs. */
    private static List<double[]> run(String text) throws Exception {
        CompiledGraph graph = FgCompiler.standard().compile("w.fg", text).orElseThrow();
        List<double[]> rows = new ArrayList<>();
        try (ReplayFactorProvider provider = new ReplayFactorProvider(
                EventSources.open(List.of(BTC), GapPolicy.FAIL),
                graph.newInstance(),
                graph.clockNanos().orElse(0),
                CrossedBookPolicy.FAIL)) {
            while (provider.next()) {
                FactorUpdate update = provider.current();
                double[] row = new double[update.size() + 1];
                row[0] = update.timestampNanos();
                for (int i = 0; i < update.size(); i++) {
                    row[i + 1] = update.value(i);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
