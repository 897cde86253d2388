package io.factorgraph.backtest.account;

import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.runtime.execution.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every fill of a run, in the order the exchange made them, in primitive arrays: appending allocates nothing until
 * the capacity is reached (then the arrays double). {@link #get(int)} builds a {@link Fill} record on demand.
 */
public final class FillLog {
    private final PriceGrid grid;
    private long[] orderId;
    private boolean[] buy;
    private long[] priceTicks;
    private long[] lots;
    private double[] fee;
    private boolean[] maker;
    private long[] exchTime;
    private long[] localTime;
    private int size;

    public FillLog(PriceGrid grid, int initialCapacity) {
        if (grid == null) {
            throw new NullPointerException("grid");
        }
        this.grid = grid;
        int c = Math.max(initialCapacity, 16);
        orderId = new long[c];
        buy = new boolean[c];
        priceTicks = new long[c];
        lots = new long[c];
        fee = new double[c];
        maker = new boolean[c];
        exchTime = new long[c];
        localTime = new long[c];
    }

    public void add(long id, Side side, long ticks, long qtyLots, double feeAmount, boolean isMaker, long exch,
            long local) {
        if (size == orderId.length) {
            grow();
        }
        orderId[size] = id;
        buy[size] = side == Side.BUY;
        priceTicks[size] = ticks;
        lots[size] = qtyLots;
        fee[size] = feeAmount;
        maker[size] = isMaker;
        exchTime[size] = exch;
        localTime[size] = local;
        size++;
    }

    public int size() {
        return size;
    }

    public long orderId(int i) {
        check(i);
        return orderId[i];
    }

    public Side side(int i) {
        check(i);
        return buy[i] ? Side.BUY : Side.SELL;
    }

    public long priceTicks(int i) {
        check(i);
        return priceTicks[i];
    }

    public long lots(int i) {
        check(i);
        return lots[i];
    }

    public double fee(int i) {
        check(i);
        return fee[i];
    }

    public boolean maker(int i) {
        check(i);
        return maker[i];
    }

    public long exchTime(int i) {
        check(i);
        return exchTime[i];
    }

    public long localTime(int i) {
        check(i);
        return localTime[i];
    }

    /** Fill {@code i} as a record (allocates). */
    public Fill get(int i) {
        check(i);
        return new Fill(orderId[i], buy[i] ? Side.BUY : Side.SELL, priceTicks[i], grid.price(priceTicks[i]), lots[i],
                grid.qty(lots[i]), fee[i], maker[i], exchTime[i], localTime[i]);
    }

    /** Every fill as records, in order (allocates). */
    public List<Fill> toList() {
        List<Fill> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(get(i));
        }
        return list;
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("fill " + i + " of " + size);
        }
    }

    private void grow() {
        int c = orderId.length * 2;
        orderId = Arrays.copyOf(orderId, c);
        buy = Arrays.copyOf(buy, c);
        priceTicks = Arrays.copyOf(priceTicks, c);
        lots = Arrays.copyOf(lots, c);
        fee = Arrays.copyOf(fee, c);
        maker = Arrays.copyOf(maker, c);
        exchTime = Arrays.copyOf(exchTime, c);
        localTime = Arrays.copyOf(localTime, c);
    }
}
