package io.factorgraph.backtest.synthetic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.market.BookBuilder;
import io.factorgraph.runtime.market.OrderBook;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The configured rates show in the stream, within loose statistical bounds (five standard deviations or a
 * generous factor), so that the tests hold for any seed and only a real change in the model breaks them.
 */
class SyntheticMarketRatesTest {
    private static final SyntheticMarket.Config DEFAULTS = SyntheticMarket.Config.defaults();

    @Test
    void orderFlowCountsMatchTheRates() {
        // without jumps and shocks every one-row diff is a limit order or a cancellation, every run of trades a
        // market order
        SyntheticMarket.Config config =
                DEFAULTS.withPrice(p -> p.withJumpRate(0.0)).withShocks(s -> s.withRate(0.0));
        SyntheticMarket market = new SyntheticMarket(config);
        StreamCheck.Summary s = StreamCheck.check(market, 500);
        double seconds = config.session().duration().toNanos() / 1e9;
        within("limit orders", s.limitArrivals(), 2 * config.flow().limitRate() * seconds);
        within("market buys", s.buyRuns(), config.flow().marketRate() * seconds);
        within("market sells", s.sellRuns(), config.flow().marketRate() * seconds);
        // cancellations come at cancelRate * Q / limitSizeMean; Q integrated over the stream from the book itself
        double ratio = s.cancellations() / s.cancelCompensator();
        assertTrue(
                ratio > 0.95 && ratio < 1.05,
                s.cancellations() + " cancellations against " + s.cancelCompensator()
                        + " expected from the resting quantity");
        assertTrue(s.cancellations() > 10_000, "cancellations: " + s.cancellations());
    }

    @Test
    void jumpsComeAtTheirRateAndGiveTheImpliedVolatility() {
        SyntheticMarket.Config config = DEFAULTS.withShocks(s -> s.withRate(0.0))
                .withPrice(p -> p.withImbalanceSensitivity(0.0))
                .withDuration(Duration.ofMinutes(30));
        SyntheticMarket market = new SyntheticMarket(config);
        OrderBook book = new OrderBook();
        BookBuilder builder = BookBuilder.local(book);
        long next = Long.MIN_VALUE;
        double previous = Double.NaN;
        double sumSquares = 0;
        int samples = 0;
        while (market.next()) {
            long ts = market.event().exchTs();
            if (next == Long.MIN_VALUE) {
                next = ts + 1_000_000_000L;
            }
            while (ts > next) {
                double mid = book.mid() / config.instrument().tickSize();
                if (!Double.isNaN(previous)) {
                    sumSquares += (mid - previous) * (mid - previous);
                    samples++;
                }
                previous = mid;
                next += 1_000_000_000L;
            }
            builder.apply(market.event());
        }
        double seconds = config.session().duration().toNanos() / 1e9;
        within("jumps", market.jumpCount(), config.price().jumpRate() * seconds);
        double m = config.price().jumpMeanTicks();
        double expected = config.price().jumpRate() * m * (2 * m - 1);
        double realised = sumSquares / samples;
        assertTrue(
                realised > 0.7 * expected && realised < 1.4 * expected,
                "the mid's variance over one second is " + realised + " ticks², the fair price's " + expected);
    }

    @Test
    void shocksComeAtTheirRate() {
        SyntheticMarket.Config config =
                DEFAULTS.withShocks(s -> s.withRate(0.05)).withDuration(Duration.ofMinutes(30));
        SyntheticMarket market = new SyntheticMarket(config);
        while (market.next()) {
            // read to the end
        }
        within("shocks", market.shockCount(), 0.05 * 1800);
    }

    @Test
    void feedLatencyStaysInItsBandAndSpreadsOverIt() {
        SyntheticMarket market = new SyntheticMarket(DEFAULTS.withDuration(Duration.ofMinutes(1)));
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        double sum = 0;
        long n = 0;
        while (market.next()) {
            long latency = market.event().localTs() - market.event().exchTs();
            min = Math.min(min, latency);
            max = Math.max(max, latency);
            sum += latency;
            n++;
        }
        assertTrue(
                min >= 4_000_000 && min < 4_100_000 && max <= 6_000_000 && max > 5_900_000,
                "latency in [" + min + ", " + max + "] ns");
        double mean = sum / n;
        assertTrue(mean > 4_900_000 && mean < 5_200_000, "mean latency " + mean + " ns");
    }

    private static void within(String what, double count, double expected) {
        double tolerance = 5 * Math.sqrt(expected) + 1;
        assertTrue(
                Math.abs(count - expected) <= tolerance,
                what + ": " + count + ", expected " + expected + " ± " + tolerance);
    }
}
