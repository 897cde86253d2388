package io.factorgraph.backtest.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The price chart's rows: records and fills merged in time order, hand-worked. */
class ChartDataTest {
    private static final double NaN = Double.NaN;

    /*
     * Records (t → mid, best bid, best ask, our bid, our ask):
     *   0 → 10, 9.5, 10.5, 9, 11;   10 → 12, 11.5, 12.5, NaN, 13;   20 → 11, 10.5, 11.5, 10, 12.
     * Fills: −5 buy @ 8 (before any record), 5 buy @ 9, 10 sell @ 13 (same time as a record: after it),
     * 25 sell @ 12 (after the last record).
     * Rows: −5 fill: nothing known yet → NaN everywhere but the buy price.
     *        0 record.
     *        5 fill: mid halfway between 10 (t=0) and 12 (t=10) = 11; steps as of t=0: 9.5, 10.5, 9, 11.
     *       10 record.
     *       10 fill: mid between the rows at 10 and 20, at 10 → 12; steps as of t=10: 11.5, 12.5, NaN, 13.
     *       20 record.
     *       25 fill: no later row → mid as of t=20 = 11; steps as of t=20.
     */
    @Test
    void fillsAreMergedWithInterpolatedMidAndStepsAsOf() {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE);
        r.record(0, 10, 9.5, 10.5, 9, 11, 0, 0, 0);
        r.record(10, 12, 11.5, 12.5, NaN, 13, 1, -9, 0);
        r.record(20, 11, 10.5, 11.5, 10, 12, 0, 4, 0);
        r.fill(-5, true, 8, 1, 0, true, 1);
        r.fill(5, true, 9, 1, 0, true, 2);
        r.fill(10, false, 13, 1, 0, true, 3);
        r.fill(25, false, 12, 1, 0, false, 4);
        ChartData d = new ChartData(r.finish(RunMetadata.empty()), 100);

        assertArrayEquals(new long[] {-5, 0, 5, 10, 10, 20, 25}, d.priceTs);
        assertArrayEquals(new double[] {NaN, 10, 11, 12, 12, 11, 11}, d.priceMid);
        assertArrayEquals(new double[] {NaN, 9.5, 9.5, 11.5, 11.5, 10.5, 10.5}, d.priceBestBid);
        assertArrayEquals(new double[] {NaN, 10.5, 10.5, 12.5, 12.5, 11.5, 11.5}, d.priceBestAsk);
        assertArrayEquals(new double[] {NaN, 9, 9, NaN, NaN, 10, 10}, d.priceQuoteBid);
        assertArrayEquals(new double[] {NaN, 11, 11, 13, 13, 12, 12}, d.priceQuoteAsk);
        assertArrayEquals(new double[] {8, NaN, 9, NaN, NaN, NaN, NaN}, d.priceBuy);
        assertArrayEquals(new double[] {NaN, NaN, NaN, NaN, 13, NaN, 12}, d.priceSell);
        assertEquals(4, d.fillsShown);
        assertEquals(1, d.priceDecimals); // 9.5, 10.5 ...
        assertEquals(0, d.qtyDecimals);
    }

    /*
     * Derived series. Equity (cash + position × mid): 0 + 0 = 0; −9 + 1 × 12 = 3; 1 + 0 = 1.
     * PnL (equity − 0): 0, 3, 1. Before fees (equity + cumulative fees − (0 + 0)), fees 0, 0.5, 0.25:
     * 0, 3.5, 1.25. Drawdown (equity − running peak; peaks 0, 3, 3): 0, 0, −2.
     */
    @SuppressWarnings("unchecked")
    @Test
    void pnlBeforeFeesAndDrawdownSeries() {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE);
        r.record(0, 10, 9.5, 10.5, 9, 11, 0, 0, 0);
        r.record(10, 12, 11.5, 12.5, NaN, 13, 1, -9, 0.5);
        r.record(20, 11, 10.5, 11.5, 10, 12, 0, 1, 0.25);
        ChartData d = new ChartData(r.finish(RunMetadata.empty()), 100);
        double[][] c = d.rows.columns();
        assertArrayEquals(new double[] {0, 3, 1}, c[ChartData.PNL]);
        assertArrayEquals(new double[] {0, 3.5, 1.25}, c[ChartData.PNL_GROSS]);
        assertArrayEquals(new double[] {0, 0, -2}, c[ChartData.DRAWDOWN]);
        assertArrayEquals(new double[] {0, 1, 0}, c[ChartData.POSITION]);

        Map<String, Object> json = (Map<String, Object>) MiniJson.parse(d.toJson());
        assertEquals(
                List.of(new MiniJson.Num("0.0"), new MiniJson.Num("1.0E-8"), new MiniJson.Num("2.0E-8")),
                json.get("t"),
                "times in seconds");
        Map<String, Object> price = (Map<String, Object>) json.get("price");
        assertEquals(
                java.util.Arrays.asList(new MiniJson.Num("9.0"), null, new MiniJson.Num("10.0")),
                price.get("quoteBid"),
                "NaN as null");
        assertEquals(3L, ((MiniJson.Num) json.get("records")).asLong());
    }

    @Test
    void decimalsFollowTheData() {
        assertEquals(2, Decimals.exact(new double[] {60000.12, 0.1 + 0.2, 5}));
        assertEquals(1, Decimals.exact(new double[] {60000.100000000006, 7}));
        assertEquals(0, Decimals.exact(new double[] {NaN, 3, -4}));
        assertEquals(Decimals.MAX, Decimals.exact(new double[] {Math.PI}));
        assertEquals(2, Decimals.forMagnitude(new double[] {-1234.5}));
        assertEquals(4, Decimals.forMagnitude(new double[] {0.0123}));
        assertEquals(2, Decimals.forMagnitude(new double[] {NaN}));
    }
}
