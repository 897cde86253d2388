package io.factorgraph.backtest.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.backtest.account.FillLog;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** What the CSV writers write parses back to the very same values, bit for bit (NaN as NaN). */
class CsvRoundTripProperties {

    record Row(
            long dt, double mid, double bid, double ask, double qb, double qa, double pos, double cash, double fees) {}

    record FillRow(long dt, boolean buy, double price, double qty, double fee, boolean maker, long id) {}

    @Property(tries = 200)
    void timeSeriesCsvParsesBackExactly(@ForAll("rows") @Size(max = 40) List<Row> rows) throws IOException {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE, 1, 1);
        long t = -5_000_000_000L;
        for (Row row : rows) {
            t += row.dt();
            r.record(t, row.mid(), row.bid(), row.ask(), row.qb(), row.qa(), row.pos(), row.cash(), row.fees());
        }
        TimeSeries s = r.finish(RunMetadata.empty()).series();
        StringWriter out = new StringWriter();
        TimeSeriesCsv.write(out, s);
        String[] lines = out.toString().split("\n", -1);
        assertEquals(TimeSeriesCsv.HEADER, lines[0]);
        assertEquals(s.size() + 2, lines.length, "header, one line per record, and the final newline");
        assertEquals("", lines[lines.length - 1]);
        for (int i = 0; i < s.size(); i++) {
            String[] f = lines[i + 1].split(",", -1);
            assertEquals(10, f.length);
            assertEquals(s.ts(i), Long.parseLong(f[0]));
            double[] expected = {
                s.mid(i),
                s.bestBid(i),
                s.bestAsk(i),
                s.quoteBid(i),
                s.quoteAsk(i),
                s.position(i),
                s.cash(i),
                s.fees(i),
                s.equity(i)
            };
            double[] parsed = new double[9];
            for (int c = 0; c < 9; c++) {
                parsed[c] = Double.parseDouble(f[c + 1]);
            }
            assertArrayEquals(canonical(expected), canonical(parsed), lines[i + 1]);
        }
    }

    @Property(tries = 200)
    void fillsCsvParsesBackExactly(@ForAll("fillRows") @Size(max = 40) List<FillRow> rows) throws IOException {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE, 1, 1);
        long t = 1_700_000_000_000_000_000L;
        for (FillRow row : rows) {
            t += row.dt();
            r.fill(t - row.dt() / 2, t, row.buy(), row.price(), row.qty(), row.fee(), row.maker(), row.id());
        }
        FillLog log = r.finish(RunMetadata.empty()).fills();
        StringWriter out = new StringWriter();
        FillsCsv.write(out, log);
        String[] lines = out.toString().split("\n", -1);
        assertEquals(FillsCsv.HEADER, lines[0]);
        assertEquals(log.size() + 2, lines.length);
        for (int i = 0; i < log.size(); i++) {
            String[] f = lines[i + 1].split(",", -1);
            assertEquals(8, f.length);
            String line = lines[i + 1];
            assertEquals(log.exchTime(i), Long.parseLong(f[0]), line);
            assertEquals(log.localTime(i), Long.parseLong(f[1]), line);
            assertEquals(log.buy(i), side(f[2]), line);
            assertEquals(bits(log.price(i)), bits(Double.parseDouble(f[3])), line);
            assertEquals(bits(log.qty(i)), bits(Double.parseDouble(f[4])), line);
            assertEquals(bits(log.fee(i)), bits(Double.parseDouble(f[5])), line);
            assertEquals(log.maker(i), liquidity(f[6]), line);
            assertEquals(log.orderId(i), Long.parseLong(f[7]), line);
        }
    }

    private static long bits(double value) {
        return Double.doubleToLongBits(value);
    }

    private static boolean side(String s) {
        return switch (s) {
            case "buy" -> true;
            case "sell" -> false;
            default -> throw new AssertionError("side " + s);
        };
    }

    private static boolean liquidity(String s) {
        return switch (s) {
            case "maker" -> true;
            case "taker" -> false;
            default -> throw new AssertionError("liquidity " + s);
        };
    }

    /** Bits of each value, with every NaN as the one NaN the text "NaN" parses to. */
    private static long[] canonical(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToLongBits(values[i]);
        }
        return bits;
    }

    /** Any double: special values, ordinary prices, and arbitrary bit patterns (subnormals, huge, NaNs). */
    static Arbitrary<Double> anyDouble() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        3,
                        Arbitraries.of(
                                Double.NaN,
                                0.0,
                                -0.0,
                                Double.POSITIVE_INFINITY,
                                Double.NEGATIVE_INFINITY,
                                Double.MIN_VALUE,
                                Double.MAX_VALUE,
                                0.1,
                                1e-7,
                                60000.100000000006)),
                net.jqwik.api.Tuple.of(4, Arbitraries.doubles().between(-1e6, 1e6)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().map(Double::longBitsToDouble)));
    }

    static Arbitrary<Double> finiteDouble() {
        return anyDouble().filter(Double::isFinite);
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        return Combinators.combine(
                        Arbitraries.longs().between(0, 2_000_000_000L),
                        anyDouble().list().ofSize(8))
                .as((dt, v) ->
                        new Row(dt, v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7)))
                .list();
    }

    @Provide
    Arbitrary<List<FillRow>> fillRows() {
        // prices and quantities on the recorder's grid (any tick count, any positive lot count), as a feed gives them
        Arbitrary<Double> price =
                Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L).map(TestGrid.FINE::price);
        Arbitrary<Double> positive =
                Arbitraries.longs().between(1, 1_000_000_000L).map(TestGrid.FINE::qty);
        return Combinators.combine(
                        Arbitraries.longs().between(0, 1_000_000_000L),
                        Arbitraries.of(true, false),
                        price,
                        positive,
                        finiteDouble(),
                        Arbitraries.of(true, false),
                        Arbitraries.longs())
                .as(FillRow::new)
                .list();
    }
}
