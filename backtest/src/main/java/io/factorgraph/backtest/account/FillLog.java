package io.factorgraph.backtest.account;

import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.runtime.column.BooleanColumn;
import io.factorgraph.runtime.column.DoubleColumn;
import io.factorgraph.runtime.column.LongColumn;
import io.factorgraph.runtime.execution.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * Every fill of a run in the order they were made, one growable column per field: the simulator's exact log and, as
 * its {@link #immutableCopy() trimmed immutable copy}, what a recording holds and the reports read. Prices and
 * quantities are kept in ticks and lots, so the doubles ({@link #price}, {@link #qty}) are the very ones
 * {@link PriceGrid} gives for them.
 *
 * <p>Appending allocates nothing until a column's capacity is reached (then it doubles): size the log up front and a
 * run allocates nothing for its fills. {@link #get(int)} builds a {@link Fill} record on demand. Not thread-safe.
 */
public final class FillLog {
    private final PriceGrid grid;
    private final boolean immutable;
    private final LongColumn orderId;
    private final BooleanColumn buy;
    private final LongColumn priceTicks;
    private final LongColumn lots;
    private final DoubleColumn fee;
    private final BooleanColumn maker;
    private final LongColumn exchTime;
    private final LongColumn localTime;

    /** An empty log with room for {@code initialCapacity} fills (at least 16) before its first growth. */
    public FillLog(PriceGrid grid, int initialCapacity) {
        this(grid, Math.max(initialCapacity, 16), false);
    }

    private FillLog(PriceGrid grid, int capacity, boolean immutable) {
        if (grid == null) {
            throw new NullPointerException("grid");
        }
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        }
        this.grid = grid;
        this.immutable = immutable;
        orderId = new LongColumn(capacity);
        buy = new BooleanColumn(capacity);
        priceTicks = new LongColumn(capacity);
        lots = new LongColumn(capacity);
        fee = new DoubleColumn(capacity);
        maker = new BooleanColumn(capacity);
        exchTime = new LongColumn(capacity);
        localTime = new LongColumn(capacity);
    }

    /**
     * Appends one fill.
     *
     * @param exch when the exchange executed it, or {@link Fill#UNKNOWN_TIME}
     * @param local when the strategy learns of it
     * @throws UnsupportedOperationException on an {@link #immutableCopy() immutable copy}
     */
    public void add(
            long id, Side side, long ticks, long qtyLots, double feeAmount, boolean isMaker, long exch, long local) {
        if (immutable) {
            throw new UnsupportedOperationException("this fill log is an immutable copy");
        }
        append(id, side == Side.BUY, ticks, qtyLots, feeAmount, isMaker, exch, local);
    }

    private void append(
            long id,
            boolean isBuy,
            long ticks,
            long qtyLots,
            double feeAmount,
            boolean isMaker,
            long exch,
            long local) {
        orderId.add(id);
        buy.add(isBuy);
        priceTicks.add(ticks);
        lots.add(qtyLots);
        fee.add(feeAmount);
        maker.add(isMaker);
        exchTime.add(exch);
        localTime.add(local);
    }

    /**
     * The fills so far, trimmed to size, in a log that later appends to this one do not change and that refuses
     * appends of its own: what a recording holds.
     */
    public FillLog immutableCopy() {
        int n = size();
        FillLog copy = new FillLog(grid, n, true);
        for (int i = 0; i < n; i++) {
            copy.append(
                    orderId.get(i),
                    buy.get(i),
                    priceTicks.get(i),
                    lots.get(i),
                    fee.get(i),
                    maker.get(i),
                    exchTime.get(i),
                    localTime.get(i));
        }
        return copy;
    }

    /** The grid the prices and quantities are on. */
    public PriceGrid grid() {
        return grid;
    }

    public int size() {
        return orderId.size();
    }

    public boolean isEmpty() {
        return orderId.isEmpty();
    }

    public long orderId(int i) {
        return orderId.get(i);
    }

    public Side side(int i) {
        return buy.get(i) ? Side.BUY : Side.SELL;
    }

    /** Whether the strategy bought in fill {@code i}. */
    public boolean buy(int i) {
        return buy.get(i);
    }

    public long priceTicks(int i) {
        return priceTicks.get(i);
    }

    /** The execution price of fill {@code i}: {@link PriceGrid#price(long)} of its ticks. */
    public double price(int i) {
        return grid.price(priceTicks.get(i));
    }

    public long lots(int i) {
        return lots.get(i);
    }

    /** The quantity of fill {@code i}: {@link PriceGrid#qty(long)} of its lots. */
    public double qty(int i) {
        return grid.qty(lots.get(i));
    }

    /** The fee charged in quote currency (a rebate is negative). */
    public double fee(int i) {
        return fee.get(i);
    }

    public boolean maker(int i) {
        return maker.get(i);
    }

    /** When the exchange executed fill {@code i} (exchange timeline), or {@link Fill#UNKNOWN_TIME}. */
    public long exchTime(int i) {
        return exchTime.get(i);
    }

    /** When the strategy learns of fill {@code i} (local clock). */
    public long localTime(int i) {
        return localTime.get(i);
    }

    /** Every fill's local time, in order (a copy). */
    public long[] localTimes() {
        return localTime.toArray();
    }

    /** Every fill's side as {@code true} for a buy, in order (a copy). */
    public boolean[] buys() {
        return buy.toArray();
    }

    /** Every fill's order id, in order (a copy). */
    public long[] orderIds() {
        return orderId.toArray();
    }

    /** Every fill's price, in order (a new array). */
    public double[] prices() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = price(i);
        }
        return out;
    }

    /** Every fill's quantity, in order (a new array). */
    public double[] quantities() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = qty(i);
        }
        return out;
    }

    /** Fill {@code i} as a record (allocates). */
    public Fill get(int i) {
        return new Fill(
                orderId(i),
                side(i),
                priceTicks(i),
                price(i),
                lots(i),
                qty(i),
                fee(i),
                maker(i),
                exchTime(i),
                localTime(i));
    }

    /** Every fill as records, in order (allocates one per fill). */
    public List<Fill> toList() {
        List<Fill> list = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            list.add(get(i));
        }
        return List.copyOf(list);
    }
}
