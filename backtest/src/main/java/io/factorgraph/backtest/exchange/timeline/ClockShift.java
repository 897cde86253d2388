package io.factorgraph.backtest.exchange.timeline;

import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.exchange.TimelineCorrection;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;

/**
 * hftbacktest's {@code correct_local_timestamp}, measured: the largest {@code exch_ts - local_ts} over an input's
 * depth, snapshot and trade rows (best-bid/offer rows excluded), which the {@link TimelineCorrection.Rule#CONSTANT}
 * rule subtracts from every exchange time so that no feed latency is negative. It reads the input once before the run,
 * so it is given a way to open the input rather than an open source.
 */
public final class ClockShift {
    /** Opens the input from its start; called once to measure and once more to run. */
    @FunctionalInterface
    public interface Opener {
        EventSource open() throws MarketDataException;
    }

    private ClockShift() {}

    /**
     * {@code config} with its timeline resolved for the input: unchanged unless it is an unresolved {@link
     * TimelineCorrection.Rule#CONSTANT}, in which case the input is opened and scanned once.
     */
    public static SimulatorConfig resolve(SimulatorConfig config, Opener input) throws MarketDataException {
        TimelineCorrection timeline = config.timeline();
        if (timeline.resolved()) {
            return config;
        }
        try (EventSource source = input.open()) {
            return config.withTimeline(timeline.resolved(largestLead(source)));
        }
    }

    /**
     * The largest {@code exch_ts - local_ts} over the source's depth, snapshot and trade events on the local timeline
     * ({@code LOCAL_EVENT}), or 0 when it has none. Reads the source to its end; does not close it.
     */
    public static long largestLead(EventSource source) throws MarketDataException {
        MarketEvent e = source.event();
        long largest = Long.MIN_VALUE;
        while (source.next()) {
            long ev = e.ev();
            if ((ev & EventFlags.LOCAL_EVENT) == 0) {
                continue;
            }
            int kind = (int) (ev & EventFlags.KIND_MASK);
            if (kind == EventFlags.DEPTH_EVENT
                    || kind == EventFlags.DEPTH_SNAPSHOT_EVENT
                    || kind == EventFlags.TRADE_EVENT) {
                largest = Math.max(largest, e.exchTs() - e.localTs());
            }
        }
        return largest == Long.MIN_VALUE ? 0 : largest;
    }
}
