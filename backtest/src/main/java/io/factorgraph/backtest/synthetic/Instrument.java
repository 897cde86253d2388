package io.factorgraph.backtest.synthetic;

/**
 * The instrument the synthetic market trades: its price and quantity grids and where it opens. Prices are in the
 * quote currency, quantities in the base unit (BTC for BTCUSDT).
 *
 * @param tickSize price increment, a decimal such as 0.1 or 0.25 (at most 12 places)
 * @param lotSize quantity increment, a decimal such as 0.001
 * @param startPrice the price the book opens around (rounded to the tick)
 */
public record Instrument(double tickSize, double lotSize, double startPrice) {
    /** Checks each field; a bad one is named {@code instrument.<field>}. */
    public Instrument {
        ConfigChecks.positive("instrument.tickSize", tickSize);
        ConfigChecks.decimals("instrument.tickSize", tickSize);
        ConfigChecks.positive("instrument.lotSize", lotSize);
        ConfigChecks.decimals("instrument.lotSize", lotSize);
        ConfigChecks.positive("instrument.startPrice", startPrice);
        if (Math.rint(startPrice / tickSize) > 0x1.0p40) {
            throw new IllegalArgumentException("instrument.startPrice must be at most 2^40 ticks (prices are exact in "
                    + "a double), was " + startPrice + " at tickSize " + tickSize);
        }
    }

    /** USD-M BTCUSDT: tick 0.1, lot 0.001, opening at 60,000. */
    public static Instrument btcUsdt() {
        return new Instrument(/* tickSize */ 0.1, /* lotSize */ 0.001, /* startPrice */ 60_000.0);
    }

    public Instrument withTickSize(double newTickSize) {
        return new Instrument(newTickSize, lotSize, startPrice);
    }

    public Instrument withLotSize(double newLotSize) {
        return new Instrument(tickSize, newLotSize, startPrice);
    }

    public Instrument withStartPrice(double newStartPrice) {
        return new Instrument(tickSize, lotSize, newStartPrice);
    }
}
