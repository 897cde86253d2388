package io.factorgraph.backtest.exchange;

/**
 * Counts of what a simulation did, for reports and sanity checks.
 *
 * @param marketEvents events fed ({@code LOCAL_EVENT} ones)
 * @param exchangeEvents market events the exchange side processed (depth, snapshot, clear, trade)
 * @param reorderedEvents events the exchange processed before one received earlier (exchange-time sort)
 * @param slowEventsClamped events whose corrected feed latency exceeded the maximum and was clamped to it
 * @param fastEventsClamped events whose corrected feed latency was below the minimum and was clamped to it
 * @param exchangeTimeOffset the offset {@code c} added to {@code exch_ts} at the last event ({@link TimelineCorrection})
 * @param ordersSubmitted new-order requests sent
 * @param cancelsSubmitted cancel requests sent
 * @param accepted orders that rested in the book
 * @param fills executions (a partly filled order may have several)
 * @param makerFills executions of resting orders
 * @param takerFills executions of marketable orders
 * @param expired post-only orders refused because they would have crossed
 * @param rejected orders refused for another reason
 * @param canceled orders cancelled
 * @param cancelsRejected cancels that arrived after the order was no longer active
 * @param offGridQuantities market quantities that were not a whole number of lots (kept as exact fractions of a lot;
 *     a few are normal on real books, most of them means the configured lot size is wrong)
 */
public record SimulatorStats(
        long marketEvents,
        long exchangeEvents,
        long reorderedEvents,
        long slowEventsClamped,
        long fastEventsClamped,
        long exchangeTimeOffset,
        long ordersSubmitted,
        long cancelsSubmitted,
        long accepted,
        long fills,
        long makerFills,
        long takerFills,
        long expired,
        long rejected,
        long canceled,
        long cancelsRejected,
        long offGridQuantities) {}
