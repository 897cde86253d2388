package io.factorgraph.backtest.report;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * A realistic-looking recording for report tests and previews: a random-walk market on a 0.1 tick with a
 * one-tick spread, and a market maker resting a bid and an ask a few ticks away with an inventory skew,
 * re-quoting every 1.5 s. A resting quote fills (maker, with a rebate) when the market's touch reaches it and
 * is then gone until the next re-quote. Also one aggressive (taker) buy, a pause in quoting, and a taker
 * flatten at the end of the pause.
 */
final class SyntheticRecording {
    static final long START_NS = 1_723_161_255_000_000_000L; // 2024-08-08 23:54:15 UTC
    private static final long NO_QUOTE = Long.MIN_VALUE;

    private SyntheticRecording() {}

    /** {@code records} records 100 ms apart. */
    static Recording make(long seed, int records, RunMetadata metadata) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BacktestRecorder rec = new BacktestRecorder(TestGrid.FINE, records, records / 4);
        double tick = 0.1;
        double qty = 0.002;
        double maxPosition = 0.01;
        double makerFee = -0.00005;
        double takerFee = 0.0004;
        long half = 5; // ticks from the touch
        long bidTicks = 600_000; // 60,000.0
        double position = 0;
        double cash = 0;
        double fees = 0;
        long orderId = 1;
        double drift = 0;
        long ourBid = NO_QUOTE;
        long ourAsk = NO_QUOTE;
        int pauseStart = records * 6 / 10;
        int pauseEnd = pauseStart + records / 20;
        for (int i = 0; i < records; i++) {
            long ts = START_NS + i * 100_000_000L;
            if (i % 500 == 0) {
                drift = rnd.nextDouble(-0.08, 0.08);
            }
            double u = rnd.nextDouble();
            long step = u < 0.35 + drift ? -1 : u > 0.65 + drift ? 1 : 0;
            if (rnd.nextDouble() < 0.03) {
                step *= 3;
            }
            bidTicks += step;
            long askTicks = bidTicks + 1;
            double bestBid = bidTicks * tick;
            double bestAsk = askTicks * tick;
            double mid = (bestBid + bestAsk) / 2;
            boolean paused = i >= pauseStart && i < pauseEnd;

            // resting quotes fill when the touch reaches them
            if (ourBid != NO_QUOTE && askTicks <= ourBid) {
                double px = ourBid * tick;
                double fee = px * qty * makerFee;
                position += qty;
                cash -= px * qty + fee;
                fees += fee;
                rec.fill(ts - 30_000_000L, true, px, qty, fee, true, orderId++);
                ourBid = NO_QUOTE;
            }
            if (ourAsk != NO_QUOTE && bidTicks >= ourAsk) {
                double px = ourAsk * tick;
                double fee = px * qty * makerFee;
                position -= qty;
                cash += px * qty - fee;
                fees += fee;
                rec.fill(ts - 30_000_000L, false, px, qty, fee, true, orderId++);
                ourAsk = NO_QUOTE;
            }
            if (i == records * 3 / 10) {
                // one aggressive order: buys at the ask
                double fee = bestAsk * qty * takerFee;
                position += qty;
                cash -= bestAsk * qty + fee;
                fees += fee;
                rec.fill(ts - 20_000_000L, true, bestAsk, qty, fee, false, orderId++);
            }
            if (i == pauseEnd - 1 && Math.abs(position) > 1e-12) {
                // flatten with a marketable order at the touch
                boolean buy = position < 0;
                double px = buy ? bestAsk : bestBid;
                double q = Math.abs(position);
                double fee = px * q * takerFee;
                cash += buy ? -px * q - fee : px * q - fee;
                fees += fee;
                position = 0;
                rec.fill(ts - 10_000_000L, buy, px, q, fee, false, orderId++);
            }
            if (paused) {
                ourBid = NO_QUOTE;
                ourAsk = NO_QUOTE;
            } else if (i % 15 == 0 || i == pauseEnd) {
                long skew = Math.round(position / qty);
                ourBid = position < maxPosition - 1e-12 ? bidTicks - half - skew : NO_QUOTE;
                ourAsk = position > -maxPosition + 1e-12 ? askTicks + half - skew : NO_QUOTE;
            }
            rec.record(
                    ts,
                    mid,
                    bestBid,
                    bestAsk,
                    ourBid == NO_QUOTE ? Double.NaN : ourBid * tick,
                    ourAsk == NO_QUOTE ? Double.NaN : ourAsk * tick,
                    position,
                    cash,
                    fees);
        }
        return rec.finish(metadata);
    }

    static RunMetadata metadata() {
        return RunMetadata.builder()
                .graphFile("examples/obi_mm.fg")
                .dataFile("shared/data/binance/usdm_btcusdt_20240808.gz")
                .param("half_spread", "0.0001")
                .param("skew", "1")
                .param("order_qty", "0.002")
                .param("max_position", "0.01")
                .latency("constant 10ms")
                .queueModel("risk_averse")
                .fees(-0.00005, 0.0004)
                .seed(42)
                .wallTime(Duration.ofMillis(1834))
                .eventsProcessed(93_954)
                .extra("symbol", "BTCUSDT")
                .extra("tick size", "0.1")
                .extra("record interval", "100ms")
                .build();
    }
}
