package io.factorgraph.backtest.report;

import io.factorgraph.backtest.exchange.PriceGrid;

/** The grid the report tests record on: fine enough that every price and quantity they write lies on it. */
final class TestGrid {
    /** Ticks and lots of 0.0001. */
    static final PriceGrid FINE = new PriceGrid(0.0001, 0.0001);

    private TestGrid() {}
}
