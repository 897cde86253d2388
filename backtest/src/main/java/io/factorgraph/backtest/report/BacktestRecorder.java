package io.factorgraph.backtest.report;

import io.factorgraph.backtest.account.Fill;
import io.factorgraph.backtest.account.FillLog;
import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.runtime.column.DoubleColumn;
import io.factorgraph.runtime.column.LongColumn;
import io.factorgraph.runtime.execution.Side;

/**
 * The recording a backtest loop fills while it runs: periodic account and market records, and every fill.
 *
 * <p>Storage is one growable column per field (the fills in a {@link FillLog}, prices and quantities in ticks and
 * lots of the instrument's {@link PriceGrid}): an append is amortised O(1), boxes nothing, and allocates nothing
 * except when a column grows. Size the recorder up front (for example
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

    private final PriceGrid grid;
    private final LongColumn recordTs;
    private final DoubleColumn mid;
    private final DoubleColumn bestBid;
    private final DoubleColumn bestAsk;
    private final DoubleColumn quoteBid;
    private final DoubleColumn quoteAsk;
    private final DoubleColumn position;
    private final DoubleColumn cash;
    private final DoubleColumn fees;
    private final DoubleColumn equity;
    private final FillLog fills;

    /**
     * A recorder for an instrument on {@code grid} with room for 4096 records and 1024 fills before its first
     * growth.
     */
    public BacktestRecorder(PriceGrid grid) {
        this(grid, DEFAULT_RECORDS, DEFAULT_FILLS);
    }

    /**
     * A recorder for an instrument on {@code grid} with room for the given numbers of records and fills before its
     * first growth.
     *
     * @throws IllegalArgumentException when a capacity is negative
     */
    public BacktestRecorder(PriceGrid grid, int expectedRecords, int expectedFills) {
        if (grid == null) {
            throw new NullPointerException("grid");
        }
        if (expectedRecords < 0 || expectedFills < 0) {
            throw new IllegalArgumentException(
                    "capacities must be >= 0, got records=" + expectedRecords + " fills=" + expectedFills);
        }
        this.grid = grid;
        int r = Math.max(expectedRecords, 16);
        recordTs = new LongColumn(r);
        mid = new DoubleColumn(r);
        bestBid = new DoubleColumn(r);
        bestAsk = new DoubleColumn(r);
        quoteBid = new DoubleColumn(r);
        quoteAsk = new DoubleColumn(r);
        position = new DoubleColumn(r);
        cash = new DoubleColumn(r);
        fees = new DoubleColumn(r);
        equity = new DoubleColumn(r);
        fills = new FillLog(grid, expectedFills);
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
        if (!recordTs.isEmpty() && tsNs < recordTs.last()) {
            throw new IllegalArgumentException(
                    "record at " + tsNs + " ns is before the previous record at " + recordTs.last() + " ns");
        }
        recordTs.add(tsNs);
        this.mid.add(mid);
        this.bestBid.add(bestBid);
        this.bestAsk.add(bestAsk);
        this.quoteBid.add(quoteBid);
        this.quoteAsk.add(quoteAsk);
        this.position.add(position);
        this.cash.add(cash);
        this.fees.add(feesPaid);
        this.equity.add(position == 0.0 ? cash : cash + position * mid);
    }

    /**
     * Appends one fill (a partial fill is a fill of its own), exactly: price and quantity in ticks and lots.
     *
     * @param exchTsNs when the exchange executed it (exchange timeline), or {@link Fill#UNKNOWN_TIME}
     * @param tsNs when the strategy learns of it, ns since the epoch on the local clock; not before the previous
     *     fill's
     * @param orderId the strategy's order id
     * @param side the strategy's side
     * @param priceTicks the execution price in ticks
     * @param lots the quantity filled in lots, &gt; 0
     * @param fee the fee charged for this fill in quote currency (a rebate is negative)
     * @param maker true when the fill was on a resting order (maker), false when it took liquidity
     * @throws IllegalArgumentException when {@code tsNs} is before the previous fill's, the quantity is not positive
     *     or the fee not finite
     */
    public void fill(
            long exchTsNs, long tsNs, long orderId, Side side, long priceTicks, long lots, double fee, boolean maker) {
        if (!fills.isEmpty() && tsNs < fills.localTime(fills.size() - 1)) {
            throw new IllegalArgumentException("fill at " + tsNs + " ns is before the previous fill at "
                    + fills.localTime(fills.size() - 1) + " ns");
        }
        if (lots <= 0 || !Double.isFinite(fee)) {
            throw new IllegalArgumentException(
                    "fill needs a positive quantity and a finite fee, got lots=" + lots + " fee=" + fee);
        }
        fills.add(orderId, side, priceTicks, lots, fee, maker, exchTsNs, tsNs);
    }

    /**
     * Appends one fill given as doubles, whose exchange time is not known; the price and quantity must lie on the
     * grid. Otherwise as {@link #fill(long, long, long, Side, long, long, double, boolean)}.
     *
     * @throws IllegalArgumentException when {@code tsNs} is before the previous fill's, the price is not finite or
     *     off the grid, the quantity not positive and finite or off the grid, or the fee not finite
     */
    public void fill(long tsNs, boolean buy, double price, double qty, double fee, boolean maker, long orderId) {
        fill(Fill.UNKNOWN_TIME, tsNs, buy, price, qty, fee, maker, orderId);
    }

    /**
     * Appends one fill given as doubles with the time the exchange made it, {@code exchTsNs}; otherwise as {@link
     * #fill(long, boolean, double, double, double, boolean, long)}.
     */
    public void fill(
            long exchTsNs, long tsNs, boolean buy, double price, double qty, double fee, boolean maker, long orderId) {
        if (!Double.isFinite(price) || !(qty > 0.0) || qty == Double.POSITIVE_INFINITY || !Double.isFinite(fee)) {
            throw new IllegalArgumentException(
                    "fill needs a finite price, a positive finite qty and a finite fee, got price=" + price + " qty="
                            + qty + " fee=" + fee);
        }
        fill(exchTsNs, tsNs, orderId, buy ? Side.BUY : Side.SELL, grid.ticks(price), grid.lots(qty), fee, maker);
    }

    /** Records appended so far. */
    public int recordCount() {
        return recordTs.size();
    }

    /** Fills appended so far. */
    public int fillCount() {
        return fills.size();
    }

    /**
     * The recording so far, with the run's metadata: an immutable copy (trimmed to size) that later
     * appends do not change.
     */
    public Recording finish(RunMetadata metadata) {
        TimeSeries series = new TimeSeries(
                recordTs.toArray(),
                mid.toArray(),
                bestBid.toArray(),
                bestAsk.toArray(),
                quoteBid.toArray(),
                quoteAsk.toArray(),
                position.toArray(),
                cash.toArray(),
                fees.toArray(),
                equity.toArray());
        return new Recording(series, fills.immutableCopy(), metadata);
    }
}
