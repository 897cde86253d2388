package io.factorgraph.backtest.report;

/**
 * One periodic record of a run (a row of {@link TimeSeries}).
 *
 * @param tsNs time, ns since the epoch (local clock)
 * @param mid market mid (NaN while the book has none)
 * @param bestBid market best bid (NaN when that side is empty)
 * @param bestAsk market best ask (NaN when that side is empty)
 * @param quoteBid the strategy's best resting bid, NaN when not quoting a bid
 * @param quoteAsk the strategy's best resting ask, NaN when not quoting an ask
 * @param position signed position in base units
 * @param cash cash net of fees, quote currency
 * @param fees cumulative fees paid, quote currency (rebates negative)
 * @param equity {@code cash + position × mid} ({@code cash} when flat)
 */
public record Sample(
        long tsNs,
        double mid,
        double bestBid,
        double bestAsk,
        double quoteBid,
        double quoteAsk,
        double position,
        double cash,
        double fees,
        double equity) {}
