package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.data.binance.BinanceFeedReader;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fg run examples/obi_mm_factors.fg} on the recorded USD-M BTCUSDT feed against a batch
 * computation written here from the definitions alone: a TreeMap book sampled by the clock rule,
 * then OBI, two-pass z-score, relative change, two-pass volatility and the stop-loss rule.
 */
class ObiMmFactorsRealDataTest {
    private static final long INTERVAL = 100_000_000L;
    private static final int WINDOW = 600;
    private static final double DEPTH = 0.001;

    @TempDir
    static Path dir;

    static List<String[]> rows;
    static Reference reference;

    @BeforeAll
    static void run() throws Exception {
        Path data = RecordedData.file("usdm_btcusdt_20240808.gz");
        Path csv = dir.resolve("factors.csv");
        CliRun run =
                CliRun.of("run", "../examples/obi_mm_factors.fg", "--data", data.toString(), "--out", csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("ts,mid,obi,alpha,chg,vol,stop", lines.get(0));
        rows = lines.subList(1, lines.size()).stream()
                .map(l -> l.split(",", -1))
                .toList();
        reference = Reference.compute(data);
    }

    @Test
    void ticksAreTheClockRulesTimes() {
        assertEquals(reference.ticks.size(), rows.size(), "one row per 100ms tick");
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(reference.ticks.get(i), Long.parseLong(rows.get(i)[0]), "tick " + i);
        }
        assertTrue(rows.size() > 3000, "about six minutes of 100ms ticks");
    }

    @Test
    void midAndObiAreExactlyTheBooksValues() {
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(reference.mid[i], Double.parseDouble(rows.get(i)[1]), "mid at tick " + i);
            assertEquals(reference.obi[i], Double.parseDouble(rows.get(i)[2]), 1e-9, "obi at tick " + i);
        }
    }

    @Test
    void alphaAgreesWithATwoPassZScore() {
        double worst = 0;
        for (int i = 0; i < rows.size(); i++) {
            double alpha = Double.parseDouble(rows.get(i)[3]);
            worst = Math.max(worst, Math.abs(alpha - reference.alpha[i]));
        }
        assertTrue(worst < 1e-9, "largest |alpha - reference| was " + worst);
    }

    @Test
    void changeAndVolatilityAgreeWithTwoPassComputations() {
        double worstChange = 0;
        double worstVol = 0;
        for (int i = 0; i < rows.size(); i++) {
            worstChange = Math.max(worstChange, Math.abs(Double.parseDouble(rows.get(i)[4]) - reference.change[i]));
            worstVol = Math.max(worstVol, Math.abs(Double.parseDouble(rows.get(i)[5]) - reference.vol[i]));
        }
        assertEquals(0.0, worstChange, "change is one division and one subtraction");
        assertTrue(worstVol < 1e-15, "largest |vol - reference| was " + worstVol + " (vol is about 1e-5)");
    }

    @Test
    void stopLossFollowsItsRule() {
        int stops = 0;
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(reference.stop[i] ? "1" : "0", rows.get(i)[6], "stop at tick " + i);
            stops += reference.stop[i] ? 1 : 0;
        }
        assertTrue(stops < rows.size(), "the stop is not on all the time");
    }

    /** The factors computed the slow, obvious way. */
    static final class Reference {
        final List<Long> ticks = new ArrayList<>();
        double[] mid;
        double[] obi;
        double[] alpha;
        double[] change;
        double[] vol;
        boolean[] stop;

        static Reference compute(Path data) throws Exception {
            List<long[]> times = new ArrayList<>();
            List<double[]> levels = new ArrayList<>();
            try (EventSource source = BinanceFeedReader.open(data)) {
                while (source.next()) {
                    MarketEvent e = source.event();
                    times.add(new long[] {e.ev(), e.localTs(), e.endOfMessage() ? 1 : 0});
                    levels.add(new double[] {e.px(), e.qty()});
                }
            }
            Reference r = new Reference();
            TreeMap<Double, Double> bids = new TreeMap<>(Collections.reverseOrder());
            TreeMap<Double, Double> asks = new TreeMap<>();
            List<Double> mids = new ArrayList<>();
            List<Double> obis = new ArrayList<>();
            boolean ready = false;
            boolean inSnapshot = false;
            long nextTick = Long.MAX_VALUE;
            long lastTs = times.get(times.size() - 1)[1];
            for (int i = 0; i <= times.size(); i++) {
                long ts = i < times.size() ? times.get(i)[1] : Long.MAX_VALUE;
                while (ready && nextTick < ts && nextTick <= lastTs) {
                    r.ticks.add(nextTick);
                    double m = (bids.firstKey() + asks.firstKey()) / 2.0;
                    mids.add(m);
                    obis.add(sumWithin(bids, p -> p >= m * (1 - DEPTH)) - sumWithin(asks, p -> p <= m * (1 + DEPTH)));
                    nextTick += INTERVAL;
                }
                if (i == times.size()) {
                    break;
                }
                long ev = times.get(i)[0];
                int kind = (int) (ev & 0xFF);
                boolean bid = (ev & EventFlags.BUY_EVENT) != 0;
                double px = levels.get(i)[0];
                double qty = levels.get(i)[1];
                TreeMap<Double, Double> side = bid ? bids : asks;
                if (kind == EventFlags.DEPTH_CLEAR_EVENT) {
                    // One side, from its best level through px (the snapshot's far end): hftbacktest's clear.
                    side.headMap(px, true).clear();
                } else if (kind == EventFlags.DEPTH_EVENT || kind == EventFlags.DEPTH_SNAPSHOT_EVENT) {
                    if (qty == 0) {
                        side.remove(px);
                    } else {
                        side.put(px, qty);
                    }
                    inSnapshot |= kind == EventFlags.DEPTH_SNAPSHOT_EVENT;
                }
                if (inSnapshot && times.get(i)[2] == 1) {
                    inSnapshot = false;
                    if (!ready) {
                        ready = true;
                        nextTick = Math.floorDiv(ts + INTERVAL - 1, INTERVAL) * INTERVAL;
                    }
                }
            }
            int n = mids.size();
            r.mid = mids.stream().mapToDouble(Double::doubleValue).toArray();
            r.obi = obis.stream().mapToDouble(Double::doubleValue).toArray();
            r.alpha = new double[n];
            r.change = new double[n];
            r.vol = new double[n];
            r.stop = new boolean[n];
            for (int t = 0; t < n; t++) {
                int from = Math.max(0, t - WINDOW + 1);
                double mean = mean(r.obi, from, t);
                double std = std(r.obi, from, t, mean);
                r.alpha[t] = std > 1e-10 ? (r.obi[t] - mean) / std : 0.0;
                r.change[t] = t == 0 ? 0.0 : r.mid[t] / r.mid[t - 1] - 1;
                int changeFrom = Math.max(1, t - WINDOW + 1);
                r.vol[t] = t == 0 ? 0.0 : std(r.change, changeFrom, t, mean(r.change, changeFrom, t));
                r.stop[t] = (r.vol[t] - 0.0001) / 0.0001 > 3.0 || Math.abs(r.change[t]) / 0.0001 > 8.0;
            }
            return r;
        }

        private static double sumWithin(TreeMap<Double, Double> side, java.util.function.DoublePredicate inBand) {
            double sum = 0;
            for (Map.Entry<Double, Double> level : side.entrySet()) {
                if (!inBand.test(level.getKey())) {
                    break;
                }
                sum += level.getValue();
            }
            return sum;
        }

        private static double mean(double[] x, int from, int to) {
            double sum = 0;
            for (int i = from; i <= to; i++) {
                sum += x[i];
            }
            return sum / (to - from + 1);
        }

        private static double std(double[] x, int from, int to, double mean) {
            double sum = 0;
            for (int i = from; i <= to; i++) {
                sum += (x[i] - mean) * (x[i] - mean);
            }
            return Math.sqrt(sum / (to - from + 1));
        }
    }
}
