package io.factorgraph.nodes.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reusable output of the zero-allocation form of {@link StatelessMm}: ids to cancel, ids kept,
 * and new bids and asks as price ticks and quantities in primitive arrays. Each decision overwrites
 * it; it allocates only when a decision needs more room than any before (more active orders, or a
 * larger {@code grid_num}), so a caller that sizes it up front never sees an allocation.
 *
 * <p>Every active order passed to the decision is in exactly one of {@link #cancelId cancel} and
 * {@link #keepId keep}, in the order given.
 */
public final class OrderDiff {
    private StrategyMode mode = StrategyMode.HALTED;
    private double tickSize = Double.NaN;

    private long[] cancelIds;
    private int cancelCount;
    private long[] keepIds;
    private int keepCount;

    private long[] bidTicks;
    private double[] bidQty;
    private int bidCount;
    private long[] askTicks;
    private double[] askQty;
    private int askCount;

    /** Scratch for the diff, level by level: whether an active order already holds it. */
    boolean[] bidHeld;

    boolean[] askHeld;

    public OrderDiff() {
        this(StrategyParams.DEFAULT_GRID_NUM, 16);
    }

    /** Room for {@code gridNum} quotes a side and {@code activeOrders} active orders without growing. */
    public OrderDiff(int gridNum, int activeOrders) {
        int grid = Math.max(1, gridNum);
        int active = Math.max(0, activeOrders);
        cancelIds = new long[active];
        keepIds = new long[active];
        bidTicks = new long[grid];
        bidQty = new double[grid];
        askTicks = new long[grid];
        askQty = new double[grid];
        bidHeld = new boolean[grid];
        askHeld = new boolean[grid];
    }

    /** Empties it and makes room for a decision over {@code activeOrders} orders and a grid of {@code gridNum}. */
    void start(StrategyMode newMode, double newTickSize, int gridNum, int activeOrders) {
        clear();
        mode = newMode;
        tickSize = newTickSize;
        if (cancelIds.length < activeOrders) {
            int capacity = Math.max(activeOrders, 2 * cancelIds.length);
            cancelIds = new long[capacity];
            keepIds = new long[capacity];
        }
        if (bidTicks.length < gridNum) {
            bidTicks = new long[gridNum];
            bidQty = new double[gridNum];
            askTicks = new long[gridNum];
            askQty = new double[gridNum];
            bidHeld = new boolean[gridNum];
            askHeld = new boolean[gridNum];
        }
        Arrays.fill(bidHeld, false);
        Arrays.fill(askHeld, false);
    }

    void mode(StrategyMode newMode) {
        mode = newMode;
    }

    /** Forgets the last decision. */
    public void clear() {
        mode = StrategyMode.HALTED;
        cancelCount = 0;
        keepCount = 0;
        bidCount = 0;
        askCount = 0;
    }

    void cancel(long id) {
        cancelIds[cancelCount++] = id;
    }

    void keep(long id) {
        keepIds[keepCount++] = id;
    }

    void bid(long ticks, double quantity) {
        bidTicks[bidCount] = ticks;
        bidQty[bidCount++] = quantity;
    }

    void ask(long ticks, double quantity) {
        askTicks[askCount] = ticks;
        askQty[askCount++] = quantity;
    }

    public StrategyMode mode() {
        return mode;
    }

    /** Nothing to cancel and nothing to send. */
    public boolean isEmpty() {
        return cancelCount == 0 && bidCount == 0 && askCount == 0;
    }

    public int cancelCount() {
        return cancelCount;
    }

    public long cancelId(int index) {
        return cancelIds[checked(index, cancelCount)];
    }

    public int keepCount() {
        return keepCount;
    }

    public long keepId(int index) {
        return keepIds[checked(index, keepCount)];
    }

    /** New bids, highest price first. */
    public int bidCount() {
        return bidCount;
    }

    public long bidPriceTicks(int index) {
        return bidTicks[checked(index, bidCount)];
    }

    public double bidPrice(int index) {
        return Ticks.price(bidPriceTicks(index), tickSize);
    }

    public double bidQty(int index) {
        return bidQty[checked(index, bidCount)];
    }

    /** New asks, lowest price first. */
    public int askCount() {
        return askCount;
    }

    public long askPriceTicks(int index) {
        return askTicks[checked(index, askCount)];
    }

    public double askPrice(int index) {
        return Ticks.price(askPriceTicks(index), tickSize);
    }

    public double askQty(int index) {
        return askQty[checked(index, askCount)];
    }

    /** The decision as a record (allocates). */
    public StrategyOutput toOutput() {
        List<Long> cancels = new ArrayList<>(cancelCount);
        for (int i = 0; i < cancelCount; i++) {
            cancels.add(cancelIds[i]);
        }
        List<OrderRequest> newBids = new ArrayList<>(bidCount);
        for (int i = 0; i < bidCount; i++) {
            newBids.add(new OrderRequest(bidTicks[i], Ticks.price(bidTicks[i], tickSize), bidQty[i]));
        }
        List<OrderRequest> newAsks = new ArrayList<>(askCount);
        for (int i = 0; i < askCount; i++) {
            newAsks.add(new OrderRequest(askTicks[i], Ticks.price(askTicks[i], tickSize), askQty[i]));
        }
        return new StrategyOutput(mode, cancels, newBids, newAsks);
    }

    private static int checked(int index, int count) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index + " of " + count);
        }
        return index;
    }

    @Override
    public String toString() {
        return "OrderDiff[" + toOutput() + ", keep=" + Arrays.toString(Arrays.copyOf(keepIds, keepCount)) + "]";
    }
}
