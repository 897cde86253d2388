package io.factorgraph.runtime.spi;

/**
 * What an execution context needs to know of the sink it runs, read from the sink's own constants so that
 * the venue and the strategy cannot disagree: the simulator and the live gateway put orders on the sink's
 * price grid, and a backtest measures return on the capital the position limit puts at risk.
 *
 * @param tickSize the price step the sink quotes on, {@code > 0}
 * @param maxPosition the largest absolute position the sink will hold, in base units, {@code > 0}
 */
public record TradingTerms(double tickSize, double maxPosition) {
    public TradingTerms {
        if (!(tickSize > 0) || Double.isInfinite(tickSize)) {
            throw new IllegalArgumentException("tick size must be a finite number > 0, was " + tickSize);
        }
        if (!(maxPosition > 0) || Double.isInfinite(maxPosition)) {
            throw new IllegalArgumentException("max position must be a finite number > 0, was " + maxPosition);
        }
    }
}
