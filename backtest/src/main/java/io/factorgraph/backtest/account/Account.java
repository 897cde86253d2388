package io.factorgraph.backtest.account;

import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.runtime.execution.Side;

/**
 * Position, cash and fees of one instrument, kept from fills.
 *
 * <p>Position and the traded notional are kept in integers (lots, and ticks times lots), so they are exact however
 * many fills there are; fees are summed as doubles in fill order. Cash is derived:
 * {@code cash = initialCash - notional * tickSize * lotSize - fees}, where {@code notional} is the signed sum of
 * {@code ticks * lots} over the fills (buys positive) and {@code tickSize * lotSize} is {@link
 * PriceGrid#tickLotValue()}; so cash carries at most a couple of roundings, not one per fill. Equity marks the
 * position to a price: {@code equity = cash + position * mid}.
 *
 * <p>Not thread-safe; allocation-free.
 */
public final class Account {
    private final PriceGrid grid;
    private final double initialCash;
    private long positionLots;
    private long notional;
    private double fees;
    private double tradedValue;
    private long tradedLots;
    private long fills;
    private long makerFills;

    public Account(PriceGrid grid, double initialCash) {
        if (grid == null) {
            throw new NullPointerException("grid");
        }
        if (!Double.isFinite(initialCash)) {
            throw new IllegalArgumentException("initial cash must be finite, was " + initialCash);
        }
        this.grid = grid;
        this.initialCash = initialCash;
    }

    /**
     * Books one fill.
     *
     * @param fee the fee charged (negative for a rebate), in the quote currency
     * @throws ArithmeticException if the integer notional would overflow (far beyond any real account)
     */
    public void onFill(Side side, long priceTicks, long lots, double fee, boolean maker) {
        long signedLots = side == Side.BUY ? lots : -lots;
        positionLots = Math.addExact(positionLots, signedLots);
        notional = Math.addExact(notional, Math.multiplyExact(priceTicks, signedLots));
        fees += fee;
        tradedValue += grid.price(priceTicks) * grid.qty(lots);
        tradedLots += lots;
        fills++;
        if (maker) {
            makerFills++;
        }
    }

    public PriceGrid grid() {
        return grid;
    }

    public double initialCash() {
        return initialCash;
    }

    /** Position in lots, signed (long positive). */
    public long positionLots() {
        return positionLots;
    }

    /** Position in the instrument's units, signed. */
    public double position() {
        return grid.qty(positionLots);
    }

    /** The signed sum of {@code ticks * lots} over the fills, buys positive. */
    public long notionalTickLots() {
        return notional;
    }

    /** Cash: {@code initialCash - notional * tickLotValue - fees}. */
    public double cash() {
        return initialCash - (double) notional * grid.tickLotValue() - fees;
    }

    /** Fees paid, summed in fill order; negative when rebates exceed fees. */
    public double fees() {
        return fees;
    }

    /** Traded value, the sum of {@code price * qty} over the fills. */
    public double tradedValue() {
        return tradedValue;
    }

    /** Traded quantity in lots. */
    public long tradedLots() {
        return tradedLots;
    }

    /** Traded quantity in the instrument's units. */
    public double tradedQty() {
        return grid.qty(tradedLots);
    }

    public long fills() {
        return fills;
    }

    public long makerFills() {
        return makerFills;
    }

    public long takerFills() {
        return fills - makerFills;
    }

    /** {@code cash + position * mid}; NaN when {@code mid} is (an empty book). */
    public double equity(double mid) {
        return cash() + position() * mid;
    }

    /** The state as a record (allocates). */
    public AccountSnapshot snapshot() {
        return new AccountSnapshot(
                cash(), positionLots, position(), fees, tradedValue, tradedQty(), fills, makerFills, takerFills());
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
