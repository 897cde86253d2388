package io.factorgraph.backtest.report;

import java.util.Arrays;

/**
 * The recording a backtest loop fills while it runs: periodic account and market records, and every fill.
 *
 * <p>Storage is one primitive array per column, grown by doubling: an append is amortised O(1), boxes
 * nothing, and allocates nothing except when a column grows. Size the recorder up front (for example
 * the run's duration divided by the record interval) and it allocates nothing at all while it runs.
 *
 * <p>Each stream must arrive in time order: a record's timestamp is never before the previous record's,
 * a fill's never before the previous fill's (records and fills are separate streams and may interleave
 * freely). {@link #finish} copies the columns into an immutable {@link Recording}; the recorder can go on
 * recording afterwards, and a later {@code finish} includes everything.
 *
 * <p>Not thread-safe: one backtest loop owns it.
 */
public final class BacktestRecorder {
    private static final int DEFAULT_RECORDS = 4096;
    private static final int DEFAULT_FILLS = 1024;

    private int records;
    private long[] recordTs;
    private double[] mid;
    private double[] bestBid;
    private double[] bestAsk;
    private double[] quoteBid;
    private double[] quoteAsk;
    private double[] position;
    private double[] cash;
    private double[] fees;
    private double[] equity;

    private int fills;
    private long[] fillTs;
    private boolean[] fillBuy;
    private double[] fillPrice;
    private double[] fillQty;
    private double[] fillFee;
    private boolean[] fillMaker;
    private long[] fillOrderId;
    private long[] fillExchTs;

    /** A recorder with room for 4096 records and 1024 fills before its first growth. */
    public BacktestRecorder() {
        this(DEFAULT_RECORDS, DEFAULT_FILLS);
    }

    /**
     * A recorder with room for the given numbers of records and fills before its first growth.
     *
     * @throws IllegalArgumentException when a capacity is negative
     */
    public BacktestRecorder(int expectedRecords, int expectedFills) {
        if (expectedRecords < 0 || expectedFills < 0) {
            throw new IllegalArgumentException(
                    "capacities must be >= 0, got records=" + expectedRecords + " fills=" + expectedFills);
        }
        int r = Math.max(expectedRecords, 16);
        recordTs = new long[r];
        mid = new double[r];
        bestBid = new double[r];
        bestAsk = new double[r];
        quoteBid = new double[r];
        quoteAsk = new double[r];
        position = new double[r];
        cash = new double[r];
        fees = new double[r];
        equity = new double[r];
        int f = Math.max(expectedFills, 16);
        fillTs = new long[f];
        fillBuy = new boolean[f];
        fillPrice = new double[f];
        fillQty = new double[f];
        fillFee = new double[f];
        fillMaker = new boolean[f];
        fillOrderId = new long[f];
        fillExchTs = new long[f];
    }

    /**
     * Appends one periodic record. Equity is computed here as {@code cash + position × mid} ({@code cash}
     * when the position is flat, so a flat account has a finite equity even before the book has a mid).
     *
     * @param tsNs the record's time, ns since the epoch on the local clock; not before the previous record's
     * @param mid the market mid price (NaN while the book has none)
     * @param bestBid the market's best bid price (NaN when the bid side is empty)
     * @param bestAsk the market's best ask price (NaN when the ask side is empty)
     * @param quoteBid the strategy's best (highest) resting bid price, NaN when it has no bid resting
     * @param quoteAsk the strategy's best (lowest) resting ask price, NaN when it has no ask resting
     * @param position signed position in base units (positive long, negative short)
     * @param cash cash balance in quote currency, net of all fees paid (rebates added)
     * @param feesPaid cumulative fees paid since the start, in quote currency (rebates negative)
     * @throws IllegalArgumentException when {@code tsNs} is before the previous record's
     */
    public void record(
            long tsNs,
            double mid,
            double bestBid,
            double bestAsk,
            double quoteBid,
            double quoteAsk,
            double position,
            double cash,
            double feesPaid) {
        if (records > 0 && tsNs < recordTs[records - 1]) {
            throw new IllegalArgumentException(
                    "record at " + tsNs + " ns is before the previous record at " + recordTs[records - 1] + " ns");
        }
        if (records == recordTs.length) {
            growRecords();
        }
        int i = records++;
        recordTs[i] = tsNs;
        this.mid[i] = mid;
        this.bestBid[i] = bestBid;
        this.bestAsk[i] = bestAsk;
        this.quoteBid[i] = quoteBid;
        this.quoteAsk[i] = quoteAsk;
        this.position[i] = position;
        this.cash[i] = cash;
        this.fees[i] = feesPaid;
        this.equity[i] = position == 0.0 ? cash : cash + position * mid;
    }

    /**
     * Appends one fill (a partial fill is a fill of its own).
     *
     * @param tsNs the fill's time, ns since the epoch on the local clock (when the strategy learns of it);
     *     not before the previous fill's
     * @param buy true when the strategy bought, false when it sold
     * @param price the execution price
     * @param qty the quantity filled, &gt; 0
     * @param fee the fee charged for this fill in quote currency (a rebate is negative)
     * @param maker true when the fill was on a resting order (maker), false when it took liquidity
     * @param orderId the strategy's order id
     * @throws IllegalArgumentException when {@code tsNs} is before the previous fill's, the price is not
     *     finite, the quantity not positive and finite, or the fee not finite
     */
    public void fill(long tsNs, boolean buy, double price, double qty, double fee, boolean maker, long orderId) {
        fill(Fill.UNKNOWN_TIME, tsNs, buy, price, qty, fee, maker, orderId);
    }

    /**
     * Appends one fill with the time the exchange made it, {@code exchTsNs} (exchange timeline), as well as the time
     * the strategy learns of it, {@code tsNs}; otherwise as {@link #fill(long, boolean, double, double, double,
     * boolean, long)}.
     */
    public void fill(long exchTsNs, long tsNs, boolean buy, double price, double qty, double fee, boolean maker,
            long orderId) {
        if (fills > 0 && tsNs < fillTs[fills - 1]) {
            throw new IllegalArgumentException(
                    "fill at " + tsNs + " ns is before the previous fill at " + fillTs[fills - 1] + " ns");
        }
        if (!Double.isFinite(price) || !(qty > 0.0) || qty == Double.POSITIVE_INFINITY || !Double.isFinite(fee)) {
            throw new IllegalArgumentException(
                    "fill needs a finite price, a positive finite qty and a finite fee, got price=" + price
                            + " qty=" + qty + " fee=" + fee);
        }
        if (fills == fillTs.length) {
            growFills();
        }
        int i = fills++;
        fillTs[i] = tsNs;
        fillBuy[i] = buy;
        fillPrice[i] = price;
        fillQty[i] = qty;
        fillFee[i] = fee;
        fillMaker[i] = maker;
        fillOrderId[i] = orderId;
        fillExchTs[i] = exchTsNs;
    }

    /** Records appended so far. */
    public int recordCount() {
        return records;
    }

    /** Fills appended so far. */
    public int fillCount() {
        return fills;
    }

    /**
     * The recording so far, with the run's metadata: an immutable copy (trimmed to size) that later
     * appends do not change.
     */
    public Recording finish(RunMetadata metadata) {
        TimeSeries series = new TimeSeries(
                Arrays.copyOf(recordTs, records),
                Arrays.copyOf(mid, records),
                Arrays.copyOf(bestBid, records),
                Arrays.copyOf(bestAsk, records),
                Arrays.copyOf(quoteBid, records),
                Arrays.copyOf(quoteAsk, records),
                Arrays.copyOf(position, records),
                Arrays.copyOf(cash, records),
                Arrays.copyOf(fees, records),
                Arrays.copyOf(equity, records));
        FillLog log = new FillLog(
                Arrays.copyOf(fillTs, fills),
                Arrays.copyOf(fillBuy, fills),
                Arrays.copyOf(fillPrice, fills),
                Arrays.copyOf(fillQty, fills),
                Arrays.copyOf(fillFee, fills),
                Arrays.copyOf(fillMaker, fills),
                Arrays.copyOf(fillOrderId, fills),
                Arrays.copyOf(fillExchTs, fills));
        return new Recording(series, log, metadata);
    }

    private void growRecords() {
        int n = grownLength(recordTs.length);
        recordTs = Arrays.copyOf(recordTs, n);
        mid = Arrays.copyOf(mid, n);
        bestBid = Arrays.copyOf(bestBid, n);
        bestAsk = Arrays.copyOf(bestAsk, n);
        quoteBid = Arrays.copyOf(quoteBid, n);
        quoteAsk = Arrays.copyOf(quoteAsk, n);
        position = Arrays.copyOf(position, n);
        cash = Arrays.copyOf(cash, n);
        fees = Arrays.copyOf(fees, n);
        equity = Arrays.copyOf(equity, n);
    }

    private void growFills() {
        int n = grownLength(fillTs.length);
        fillTs = Arrays.copyOf(fillTs, n);
        fillBuy = Arrays.copyOf(fillBuy, n);
        fillPrice = Arrays.copyOf(fillPrice, n);
        fillQty = Arrays.copyOf(fillQty, n);
        fillFee = Arrays.copyOf(fillFee, n);
        fillMaker = Arrays.copyOf(fillMaker, n);
        fillOrderId = Arrays.copyOf(fillOrderId, n);
        fillExchTs = Arrays.copyOf(fillExchTs, n);
    }

    private static int grownLength(int length) {
        int max = Integer.MAX_VALUE - 8;
        if (length >= max) {
            throw new IllegalStateException("recording is full: " + length + " rows");
        }
        return (int) Math.min((long) length * 2, max);
    }
}
