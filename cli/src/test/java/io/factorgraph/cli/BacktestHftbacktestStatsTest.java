package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.RecordedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fg backtest}'s hftbacktest figures: on the recorded BTCUSDT feed they equal what hftbacktest's
 * {@code LinearAssetRecord(...).resample(...).stats(book_size=...)} computes from the run's own
 * {@code timeseries.csv} and {@code fills.csv} (recomputed here, from the files, the way its polars code reads);
 * {@code --resample} changes them and nothing else; a bad {@code --resample} is a one-line error before any data
 * is read.
 */
class BacktestHftbacktestStatsTest {
    private static final String BTC =
            RecordedData.file("usdm_btcusdt_20240808.gz").toString();
    private static final long S = 1_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void figuresEqualHftbacktestsComputationOnTheRunsOwnFiles() throws IOException {
        CliRun run = CliRun.of(
                "backtest",
                "../examples/obi_mm.fg",
                "--data",
                BTC,
                "--latency",
                "5ms",
                "--resample",
                "5s",
                "--report",
                dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("hftbacktest's stats (resampled every 5s; book_size "), run.out());
        assertTrue(
                run.out().lines().anyMatch(l -> l.startsWith("ours (every record; sharpe on 1s equity changes")),
                run.out());
        String json = Files.readString(dir.resolve("summary.json"));
        assertEquals("5s", string(json, "resample"));
        double book = number(json, "book_size");
        assertTrue(book > 0, "a book size: " + book);

        // the run's records and fills, as hftbacktest's recorder would have them
        List<String> series = Files.readAllLines(dir.resolve("timeseries.csv"));
        List<String> header = Arrays.asList(series.get(0).split(","));
        int ts = header.indexOf("ts");
        int pos = header.indexOf("position");
        int mid = header.indexOf("mid");
        int eq = header.indexOf("equity");
        List<String> fillRows = Files.readAllLines(dir.resolve("fills.csv"));
        List<String> fillHeader = Arrays.asList(fillRows.get(0).split(","));
        int fillTs = fillHeader.contains("ts") ? fillHeader.indexOf("ts") : fillHeader.indexOf("local_ts");
        int price = fillHeader.indexOf("price");
        int qty = fillHeader.indexOf("qty");

        // resample: the last record of each epoch-aligned 5 s window; trades and value summed over windows
        long dt = 5 * S;
        List<double[]> rows = new ArrayList<>(); // {label s, equity, |position| × mid}
        long firstTs = Long.parseLong(series.get(1).split(",")[ts]);
        long lastTs = Long.parseLong(series.get(series.size() - 1).split(",")[ts]);
        long currentWindow = Long.MIN_VALUE;
        for (String line : series.subList(1, series.size())) {
            String[] r = line.split(",");
            long t = Long.parseLong(r[ts]);
            double[] row = {
                Math.floorDiv(t, dt) * (double) dt / S,
                Double.parseDouble(r[eq]),
                Math.abs(Double.parseDouble(r[pos])) * Double.parseDouble(r[mid])
            };
            if (Math.floorDiv(t, dt) == currentWindow) {
                rows.set(rows.size() - 1, row);
            } else {
                rows.add(row);
                currentWindow = Math.floorDiv(t, dt);
            }
        }
        double trades = 0;
        double value = 0;
        for (String line : fillRows.subList(1, fillRows.size())) {
            String[] f = line.split(",");
            long t = Long.parseLong(f[fillTs]);
            if (t > firstTs && t <= lastTs) {
                trades++;
                value += Double.parseDouble(f[price]) * Double.parseDouble(f[qty]);
            }
        }
        int n = rows.size();
        double[] d = new double[n - 1];
        for (int i = 1; i < n; i++) {
            d[i - 1] = rows.get(i)[1] - rows.get(i - 1)[1];
        }
        double mean = Arrays.stream(d).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(d).map(x -> (x - mean) * (x - mean)).sum() / (d.length - 1));
        double downside =
                Math.sqrt(Arrays.stream(d).map(x -> x < 0 ? x * x : 0).average().orElseThrow());
        double c = Math.sqrt(86_400 / (rows.get(1)[0] - rows.get(0)[0]) * 252);
        double pnl = rows.get(n - 1)[1] - rows.get(0)[1];
        double peak = Double.NEGATIVE_INFINITY;
        double mdd = 0;
        double maxPositionValue = 0;
        for (double[] r : rows) {
            peak = Math.max(peak, r[1]);
            mdd = Math.max(mdd, peak - r[1]);
            maxPositionValue = Math.max(maxPositionValue, r[2]);
        }
        double days = (rows.get(n - 1)[0] - rows.get(0)[0]) / 86_400;

        assertTrue(trades > 50 && n > 50, "a run with trades over many windows: " + trades + ", " + n);
        assertEquals(n, (long) number(json, "rows"));
        close(mean / sd * c, number(json, "SR"), "SR");
        close(mean / downside * c, number(json, "Sortino"), "Sortino");
        close(pnl / book, number(json, "Return"), "Return");
        close(mdd / book, number(json, "MaxDrawdown"), "MaxDrawdown");
        close(pnl / mdd, number(json, "ReturnOverMDD"), "ReturnOverMDD");
        close(trades / days, number(json, "DailyNumberOfTrades"), "DailyNumberOfTrades");
        close(value / days, number(json, "DailyTradingValue"), "DailyTradingValue");
        close(value / days / book, number(json, "DailyTurnover"), "DailyTurnover");
        close(pnl / value, number(json, "ReturnOverTrade"), "ReturnOverTrade");
        close(maxPositionValue, number(json, "MaxPositionValue"), "MaxPositionValue");
    }

    @Test
    void resampleChangesHftbacktestsFiguresAndNothingElse() {
        CliRun tenSeconds = CliRun.of("backtest", "../examples/obi_mm.fg", "--duration", "2m");
        CliRun oneMinute = CliRun.of("backtest", "../examples/obi_mm.fg", "--duration", "2m", "--resample", "1m");
        assertEquals(0, tenSeconds.exitCode() | oneMinute.exitCode(), tenSeconds.err() + oneMinute.err());
        assertTrue(tenSeconds.out().contains("hftbacktest's stats (resampled every 10s; "), tenSeconds.out());
        assertTrue(oneMinute.out().contains("hftbacktest's stats (resampled every 1m; "), oneMinute.out());
        assertEquals(ours(tenSeconds.out()), ours(oneMinute.out()));
        assertNotEquals(row(tenSeconds.out(), "  SR "), row(oneMinute.out(), "  SR "));
    }

    @Test
    void badResampleIsNamedBeforeAnyDataIsRead() {
        for (String bad : List.of("0s", "soon", "-5s", "10")) {
            CliRun run = CliRun.of("backtest", "../examples/obi_mm.fg", "--data", "no-such-file.gz", "--resample", bad);
            assertEquals(
                    "fg backtest: error: --resample '" + bad + "': expected a positive duration such as 10s, 1m "
                            + "or 24h (units ns, us, ms, s, m, h)\n",
                    run.err());
            assertEquals(1, run.exitCode());
            assertFalse(run.err().contains("\tat "), run.err());
        }
    }

    private static String ours(String out) {
        return out.substring(0, out.indexOf("hftbacktest's stats"));
    }

    private static String row(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(out));
    }

    private static void close(double expected, double actual, String what) {
        assertTrue(Double.isFinite(expected), what + " reference " + expected);
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (-?[0-9.eE+-]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    private static String string(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return m.group(1);
    }
}
