package io.factorgraph.backtest.report;

import io.factorgraph.backtest.account.FillLog;

/**
 * What the report's charts draw, built from a recording: the series thinned by {@link MinMaxDownsampling}
 * and the price chart's rows (thinned records merged with the fills to show), serialised as the JSON the
 * page's script reads.
 *
 * <p>Price chart rows: every thinned record row, plus one row per fill shown (all of them, or when there
 * are many, {@link MinMaxDownsampling#fillsToShow} over {@link #fillBuckets} slices), placed after the record
 * rows of the same time. On a fill row the fill's price is in the {@code buy} or {@code sell} column; the
 * mid is interpolated linearly between the neighbouring record rows (so the drawn mid line is unchanged),
 * and the market's best bid/ask and the strategy's quotes (step series) carry the value of the last record
 * row at or before the fill (NaN before the first record).
 */
final class ChartData {
    /** Time slices for thinning: about one per pixel of a laptop-width chart. */
    static final int DEFAULT_BUCKETS = 1500;

    static final int PNL = 0;
    static final int PNL_GROSS = 1;
    static final int DRAWDOWN = 2;
    static final int POSITION = 3;
    static final int MID = 4;
    static final int BEST_BID = 5;
    static final int BEST_ASK = 6;
    static final int QUOTE_BID = 7;
    static final int QUOTE_ASK = 8;

    final int records;
    final int fills;
    final int buckets;
    /** Time slices for thinning fill markers (a third of {@link #buckets}: markers are several pixels wide). */
    final int fillBuckets;

    final double initialEquity;
    final MinMaxDownsampling.Rows rows;
    final long[] priceTs;
    final double[] priceMid;
    final double[] priceBestBid;
    final double[] priceBestAsk;
    final double[] priceQuoteBid;
    final double[] priceQuoteAsk;
    final double[] priceBuy;
    final double[] priceSell;
    final int fillsShown;
    final int priceDecimals;
    final int qtyDecimals;
    final int moneyDecimals;

    ChartData(Recording recording, int buckets) {
        TimeSeries s = recording.series();
        FillLog f = recording.fills();
        this.records = s.size();
        this.fills = f.size();
        this.buckets = buckets;
        int n = s.size();

        int first = -1;
        for (int i = 0; i < n && first < 0; i++) {
            if (Double.isFinite(s.equity[i])) {
                first = i;
            }
        }
        this.initialEquity = first < 0 ? Double.NaN : s.equity[first];
        double grossBase = first < 0 ? Double.NaN : s.equity[first] + s.fees[first];
        double[] pnl = new double[n];
        double[] gross = new double[n];
        double[] drawdown = new double[n];
        double peak = Double.NaN;
        for (int i = 0; i < n; i++) {
            double e = s.equity[i];
            pnl[i] = e - initialEquity;
            gross[i] = e + s.fees[i] - grossBase;
            if (Double.isFinite(e)) {
                peak = Double.isNaN(peak) ? e : Math.max(peak, e);
                drawdown[i] = e - peak;
            } else {
                drawdown[i] = Double.NaN;
            }
        }
        double[][] columns = {pnl, gross, drawdown, s.position, s.mid, s.bestBid, s.bestAsk, s.quoteBid, s.quoteAsk};
        this.rows = MinMaxDownsampling.of(s.ts, columns, buckets);

        // markers are several pixels wide: a third as many slices for them as for the lines
        this.fillBuckets = Math.max(1, buckets / 3);
        long[] fillTs = f.localTimes();
        double[] fillPrice = f.prices();
        boolean[] fillBuy = f.buys();
        int[] shown = MinMaxDownsampling.fillsToShow(fillTs, fillPrice, fillBuy, fillBuckets);
        this.fillsShown = shown.length;
        int m = rows.size() + shown.length;
        priceTs = new long[m];
        priceMid = new double[m];
        priceBestBid = new double[m];
        priceBestAsk = new double[m];
        priceQuoteBid = new double[m];
        priceQuoteAsk = new double[m];
        priceBuy = new double[m];
        priceSell = new double[m];
        double[][] rc = rows.columns();
        int r = 0;
        int k = 0;
        for (int out = 0; out < m; out++) {
            boolean takeRecord = k == shown.length || (r < rows.size() && rows.ts()[r] <= fillTs[shown[k]]);
            if (takeRecord) {
                priceTs[out] = rows.ts()[r];
                priceMid[out] = rc[MID][r];
                priceBestBid[out] = rc[BEST_BID][r];
                priceBestAsk[out] = rc[BEST_ASK][r];
                priceQuoteBid[out] = rc[QUOTE_BID][r];
                priceQuoteAsk[out] = rc[QUOTE_ASK][r];
                priceBuy[out] = Double.NaN;
                priceSell[out] = Double.NaN;
                r++;
            } else {
                int i = shown[k++];
                long t = fillTs[i];
                priceTs[out] = t;
                int prev = r - 1; // last record row at or before t
                if (prev < 0) {
                    priceMid[out] = Double.NaN;
                    priceBestBid[out] = Double.NaN;
                    priceBestAsk[out] = Double.NaN;
                    priceQuoteBid[out] = Double.NaN;
                    priceQuoteAsk[out] = Double.NaN;
                } else {
                    priceMid[out] = r < rows.size()
                            ? interpolate(rows.ts()[prev], rc[MID][prev], rows.ts()[r], rc[MID][r], t)
                            : rc[MID][prev];
                    priceBestBid[out] = rc[BEST_BID][prev];
                    priceBestAsk[out] = rc[BEST_ASK][prev];
                    priceQuoteBid[out] = rc[QUOTE_BID][prev];
                    priceQuoteAsk[out] = rc[QUOTE_ASK][prev];
                }
                priceBuy[out] = fillBuy[i] ? fillPrice[i] : Double.NaN;
                priceSell[out] = fillBuy[i] ? Double.NaN : fillPrice[i];
            }
        }
        this.priceDecimals = Decimals.exact(s.mid, s.bestBid, s.bestAsk, s.quoteBid, s.quoteAsk, fillPrice);
        this.qtyDecimals = Decimals.exact(s.position, f.quantities());
        this.moneyDecimals = Decimals.forMagnitude(pnl, drawdown);
    }

    /** Linear interpolation at {@code t} between two points; NaN when either value is. */
    static double interpolate(long t0, double v0, long t1, double v1, long t) {
        if (t1 == t0) {
            return v1;
        }
        double w = (double) (t - t0) / (double) (t1 - t0);
        return v0 + (v1 - v0) * w;
    }

    /** The JSON the page's script reads (compact; NaN as null; times in seconds since the epoch). */
    String toJson() {
        StringBuilder sb = new StringBuilder(64 + 24 * 14 * (rows.size() + fillsShown));
        JsonWriter w = new JsonWriter(sb, false);
        double[][] rc = rows.columns();
        w.beginObject();
        w.name("records").value(records);
        w.name("rowsShown").value(rows.size());
        w.name("fills").value(fills);
        w.name("fillsShown").value(fillsShown);
        w.name("buckets").value(buckets);
        w.name("initialEquity").value(initialEquity);
        w.name("priceDecimals").value(priceDecimals);
        w.name("qtyDecimals").value(qtyDecimals);
        w.name("moneyDecimals").value(moneyDecimals);
        w.name("t");
        seconds(w, rows.ts());
        w.name("pnl");
        numbers(w, rc[PNL]);
        w.name("pnlGross");
        numbers(w, rc[PNL_GROSS]);
        w.name("drawdown");
        numbers(w, rc[DRAWDOWN]);
        w.name("position");
        numbers(w, rc[POSITION]);
        w.name("price").beginObject();
        w.name("t");
        seconds(w, priceTs);
        w.name("mid");
        numbers(w, priceMid);
        w.name("bestBid");
        numbers(w, priceBestBid);
        w.name("bestAsk");
        numbers(w, priceBestAsk);
        w.name("quoteBid");
        numbers(w, priceQuoteBid);
        w.name("quoteAsk");
        numbers(w, priceQuoteAsk);
        w.name("buy");
        numbers(w, priceBuy);
        w.name("sell");
        numbers(w, priceSell);
        w.endObject();
        w.endObject();
        return sb.toString();
    }

    static void seconds(JsonWriter w, long[] ts) {
        w.beginArray();
        for (long t : ts) {
            w.value(t / 1e9);
        }
        w.endArray();
    }

    static void numbers(JsonWriter w, double[] values) {
        w.beginArray();
        for (double v : values) {
            w.value(v);
        }
        w.endArray();
    }
}
