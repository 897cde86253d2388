package io.factorgraph.backtest.exchange;

/** How long a limit order lives at the exchange. */
public enum TimeInForce {
    /**
     * Good till cancelled: rests in the book; if it is marketable when it reaches the exchange (a buy at or
     * above the best ask, a sell at or below the best bid) it takes liquidity at once, as a taker.
     */
    GTC,
    /**
     * Good till crossing, or post-only: rests in the book like {@link #GTC}, but if it is marketable when it
     * reaches the exchange it is not executed: the exchange expires it ({@link ReportType#EXPIRED}) so that the
     * order can only ever be a maker.
     */
    GTX
}
