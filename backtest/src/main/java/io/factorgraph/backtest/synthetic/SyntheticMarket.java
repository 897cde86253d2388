package io.factorgraph.backtest.synthetic;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A seeded synthetic market: a zero-intelligence order-flow model of one instrument's limit order book,
 * emitted as the same events a recorded Binance feed becomes, so that {@code fg backtest} without data
 * shows the whole pipeline (book, factor graph, strategy, exchange simulator, report) on a fresh clone.
 *
 * <h2>The model</h2>
 * Order flow is a set of independent Poisson processes on an integer tick grid, simulated exactly
 * (Gillespie: an exponential wait at the total intensity, then one event drawn in proportion to its
 * intensity), in the spirit of the Santa Fe zero-intelligence model (Smith, Farmer, Gillemot and
 * Krishnamurthy 2003) with the fat-tailed placement law of Bouchaud, Mézard and Potters (2002). Pure
 * zero-intelligence flow pins the price to where the resting orders are; so, as in agent-based simulators
 * with a fundamental value (Chiarella and Iori 2002; ABIDES's oracle), flow is placed around a latent
 * <b>fair price</b> {@code f} that moves by jumps. Rates are per second of market time, sizes in the
 * instrument's base unit.
 * <ul>
 *   <li><b>Fair price.</b> {@code f} (off the tick grid) jumps at rate {@link Config#jumpRate() jumpRate} by a
 *       geometric number of ticks with mean {@link Config#jumpMeanTicks() jumpMeanTicks}: between jumps the mid is
 *       sticky, as in a real large-tick book, and over seconds it is a driftless random walk with variance about
 *       {@code jumpRate * E[k^2]} ticks² a second ({@link Config#impliedVolatility()} gives it annualised). A jump
 *       goes up with probability {@code 1 / (1 + exp(-imbalanceSensitivity * (qBid - qAsk) / (qBid + qAsk)))},
 *       {@code q} the quantities at the best bid and ask: the thinner queue tends to give way (a queue-reactive
 *       lean in the manner of Huang, Lehalle and Rosenbaum 2015), so order-book imbalance carries some
 *       information about the next move, and mean-reverts with the queues. At a jump, quotes on the stale side
 *       are picked off: an informed order of a market-order size takes liquidity up to the new fair price
 *       (trades); the stale quotes it leaves on the wrong side of the new price are requoted as far as it moved,
 *       and on the other side the levels within that distance of the best follow it, as market makers requote.
 *   <li><b>Limit orders</b> arrive at rate {@link Config#limitRate() limitRate} a side, at a distance
 *       {@code x} ticks from the fair price (a bid at {@code floor(f - x)}, an ask at {@code ceil(f + x)}),
 *       {@code x} drawn from a Pareto (Lomax) law truncated at {@link Config#depthTicks() depthTicks}:
 *       {@code P(x > s) ~ (1 + s/placementScaleTicks)^-placementTailIndex}. Most join the best quotes,
 *       a heavy tail fills the book out to {@code depthTicks}. A limit order that reaches the other side
 *       (the book lags the fair price) is marketable: it trades through the levels up to its price and rests
 *       with the rest. Sizes are geometric in lots with mean {@link Config#limitSizeMean() limitSizeMean}.
 *   <li><b>Market orders</b> arrive at rate {@link Config#marketRate() marketRate} a side, sizes geometric with
 *       mean {@link Config#marketSizeMean() marketSizeMean}. One sweeps the other side from its best level
 *       outward, printing one trade per level it takes from. Uninformed: the book refills around the fair
 *       price, so its price impact is transient.
 *   <li><b>Cancellations</b>: every resting unit of quantity is cancelled at hazard rate {@link
 *       Config#cancelRate() cancelRate} (mean resting life {@code 1/cancelRate}). A cancellation picks a level
 *       with probability proportional to its quantity and removes one order's worth (a limit-size draw, at
 *       most the level), so they come at rate {@code cancelRate * Q / limitSizeMean} for a resting quantity
 *       {@code Q}. This is the mean-reverting force: depth and order-book imbalance relax on the time scale
 *       {@code 1/cancelRate}.
 *   <li><b>Shocks and bursts.</b> At rate {@link Config#shockRate() shockRate} the fair price jumps by a
 *       geometric number of ticks with mean {@link Config#shockMeanTicks() shockMeanTicks}. The stale side is
 *       picked off as in any jump, but what is left of it on the wrong side is withdrawn, not requoted: the mid
 *       gaps within milliseconds. A burst of {@link Config#burstDuration() burstDuration} follows: fair-price
 *       jumps come {@link Config#burstIntensity() burstIntensity} times as often, and so do market orders in the
 *       shock's direction. Volatility clusters; a volatility filter and a stop-loss have something to react to.
 * </ul>
 * No order may take a side's last lot, so both sides always have a level. The model starts from a book of
 * {@code limitRate / cancelRate} orders a side placed by the same law and runs, unpublished and without
 * shocks, for {@link Config#warmup() warmup} of market time before it publishes anything.
 *
 * <h2>The events</h2>
 * Exactly the shapes {@link io.factorgraph.runtime.data.binance.BinanceFeedReader} produces from a recorded feed:
 * <ol>
 *   <li>first, a depth snapshot of the whole book in one message (per side a {@link EventFlags#DEPTH_CLEAR_EVENT}
 *       through the furthest level, then one {@link EventFlags#DEPTH_SNAPSHOT_EVENT} per level from the best
 *       outward; bids, then asks), at {@link Config#start() start};
 *   <li>per model event, first the trades it printed, if any, one message each ({@link EventFlags#TRADE_EVENT}
 *       at the resting level's price, side flag the aggressor's: {@link EventFlags#BUY_EVENT} for a buy, as the
 *       reader maps Binance's {@code "m":false}); then one depth diff message with every level it changed, each
 *       once, with its new absolute quantity (0 when it emptied), bids first ({@link EventFlags#DEPTH_EVENT}).
 *       A resting limit order or a cancellation changes one level; a jump, many. Levels that fall out of the
 *       model's price window as the price travels (thousands of ticks from the quotes, in practice long
 *       cancelled) expire in a diff message of their own;
 *   <li>when {@link Config#bookTicker() bookTicker} is on, after every model event that changed the best bid or
 *       ask (price or quantity), a bookTicker message: two {@link EventFlags#DEPTH_BBO_EVENT}s, bid then ask.
 * </ol>
 * The last event of each message is marked {@link MarketEvent#endOfMessage()}. {@code ival} carries the ids a
 * Binance client sees: the update id of a diff, snapshot ({@code lastUpdateId}) or bookTicker, the trade id of
 * a trade. Prices are the doubles their decimal strings parse to (a whole number of ticks divided by a power of
 * ten), quantities likewise in lots.
 *
 * <p>Timestamps are nanoseconds since the epoch. The exchange time of an event is the model's clock; the
 * messages of one model event share it and one feed latency, drawn uniformly in {@code feedLatency ±
 * feedJitter}: {@code local_ts = exch_ts + latency}, raised when needed to the previous message's
 * {@code local_ts} so that the local clock never goes back (the latency stays within the band). Both clocks
 * are non-decreasing in stream order, so every event is flagged {@link EventFlags#EXCH_EVENT} and {@link
 * EventFlags#LOCAL_EVENT}, as hftbacktest flags an event that is in order on both timelines. Exchange times
 * lie in {@code [start, start + duration]}.
 *
 * <h2>Guarantees</h2>
 * Deterministic: the same {@link Config} gives the same events to the bit, on any JVM (a hand-written
 * SplitMix64 generator and {@link StrictMath}; no wall clock, no hashing). The book is never crossed at a
 * message end and every level quantity is positive. Generating events allocates nothing in steady state (the
 * buffers are sized on construction; the first run of a rare path may cost the JVM a one-off allocation to link
 * it). With the defaults, about 400,000 events for ten minutes of market time, generated at several million
 * events a second. Not thread-safe.
 *
 * <pre>{@code
 * try (EventSource market = new SyntheticMarket(SyntheticMarket.Config.defaults().withSeed(7))) {
 *     MarketEvent e = market.event();
 *     while (market.next()) { ... }
 * }
 * }</pre>
 */
public final class SyntheticMarket implements EventSource {
    private static final long BOTH_CLOCKS = EventFlags.EXCH_EVENT | EventFlags.LOCAL_EVENT;
    private static final long BID_DIFF = EventFlags.DEPTH_EVENT | EventFlags.BUY_EVENT | BOTH_CLOCKS;
    private static final long ASK_DIFF = EventFlags.DEPTH_EVENT | EventFlags.SELL_EVENT | BOTH_CLOCKS;
    private static final long BUY_TRADE = EventFlags.TRADE_EVENT | EventFlags.BUY_EVENT | BOTH_CLOCKS;
    private static final long SELL_TRADE = EventFlags.TRADE_EVENT | EventFlags.SELL_EVENT | BOTH_CLOCKS;
    private static final long BID_BBO = EventFlags.DEPTH_BBO_EVENT | EventFlags.BUY_EVENT | BOTH_CLOCKS;
    private static final long ASK_BBO = EventFlags.DEPTH_BBO_EVENT | EventFlags.SELL_EVENT | BOTH_CLOCKS;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final int MAX_DECIMALS = 12;

    /**
     * The synthetic market's parameters. Quantities are in the instrument's base unit (BTC for BTCUSDT), prices
     * in the quote currency, rates per second of market time. Every field is checked on construction; a bad one
     * is an {@link IllegalArgumentException} whose message starts with its name.
     *
     * @param seed                the random seed; the same config gives the same stream
     * @param tickSize            price increment, a decimal such as 0.1 or 0.25 (at most 12 places)
     * @param lotSize             quantity increment, a decimal such as 0.001
     * @param startPrice          the price the book opens around (rounded to the tick)
     * @param start               the exchange time of the opening snapshot
     * @param duration            market time covered after {@code start}
     * @param warmup              market time simulated, unpublished and without shocks, before {@code start}
     * @param jumpRate            fair-price jumps a second, outside bursts
     * @param jumpMeanTicks       mean size of a fair-price jump, in ticks (geometric, at least 1)
     * @param imbalanceSensitivity how much the best queues' imbalance tilts a jump's direction (0: a fair coin)
     * @param limitRate           limit-order arrivals a second, per side
     * @param limitSizeMean       mean limit-order size (geometric in lots), at least one lot
     * @param depthTicks          furthest placement of a limit order from the fair price, in ticks (the book's
     *                            approximate depth a side)
     * @param placementScaleTicks scale of the placement-distance law, in ticks
     * @param placementTailIndex  tail exponent of the placement-distance law; smaller means deeper books
     * @param marketRate          market-order arrivals a second, per side, outside bursts
     * @param marketSizeMean      mean market-order size (geometric in lots), at least one lot
     * @param cancelRate          cancellation hazard a second of each resting unit (mean life {@code 1/cancelRate})
     * @param shockRate           shocks a second (0: none); each starts a burst
     * @param shockMeanTicks      mean size of a shock's fair-price jump, in ticks (jumps and shocks are capped at an
     *                            eighth of the model's price window, at least {@code 2 * depthTicks} ticks)
     * @param burstDuration       how long the burst after a shock lasts
     * @param burstIntensity      during a burst, the factor on the jump rate and on the market-order rate in the
     *                            shock's direction (1: no burst)
     * @param feedLatency         mean exchange-to-local feed latency
     * @param feedJitter          half-width of the uniform band around {@code feedLatency}, at most it
     * @param bookTicker          whether to publish best bid/offer (bookTicker) events
     */
    public record Config(
            long seed,
            double tickSize,
            double lotSize,
            double startPrice,
            Instant start,
            Duration duration,
            Duration warmup,
            double jumpRate,
            double jumpMeanTicks,
            double imbalanceSensitivity,
            double limitRate,
            double limitSizeMean,
            int depthTicks,
            double placementScaleTicks,
            double placementTailIndex,
            double marketRate,
            double marketSizeMean,
            double cancelRate,
            double shockRate,
            double shockMeanTicks,
            Duration burstDuration,
            double burstIntensity,
            Duration feedLatency,
            Duration feedJitter,
            boolean bookTicker) {

        private static final Instant LATEST_START = Instant.parse("2200-01-01T00:00:00Z");
        private static final double MAX_RATE = 1e6;
        private static final int MAX_DEPTH_TICKS = 50_000;

        /** Checks every field; see the class comment. */
        public Config {
            positive("tickSize", tickSize);
            decimals("tickSize", tickSize);
            positive("lotSize", lotSize);
            decimals("lotSize", lotSize);
            positive("startPrice", startPrice);
            if (start == null) {
                throw new IllegalArgumentException("start must not be null");
            }
            if (start.isBefore(Instant.EPOCH) || start.isAfter(LATEST_START)) {
                throw new IllegalArgumentException("start must lie between 1970 and 2200, was " + start);
            }
            duration("duration", duration, false, Duration.ofDays(366));
            duration("warmup", warmup, true, Duration.ofDays(1));
            if (Duration.between(Instant.EPOCH, start).compareTo(warmup) < 0) {
                throw new IllegalArgumentException("warmup must not reach back before 1970 from start " + start
                        + ", was " + warmup);
            }
            rate("jumpRate", jumpRate, true);
            atLeast("jumpMeanTicks", jumpMeanTicks, 1.0, "1 tick");
            if (!(imbalanceSensitivity >= 0.0) || imbalanceSensitivity > 100) {
                throw new IllegalArgumentException("imbalanceSensitivity must be in [0, 100], was " + imbalanceSensitivity);
            }
            rate("limitRate", limitRate, false);
            positive("limitSizeMean", limitSizeMean);
            atLeast("limitSizeMean", limitSizeMean, lotSize, "one lot (lotSize " + lotSize + ")");
            if (depthTicks < 1 || depthTicks > MAX_DEPTH_TICKS) {
                throw new IllegalArgumentException("depthTicks must be in [1, " + MAX_DEPTH_TICKS + "], was "
                        + depthTicks);
            }
            positive("placementScaleTicks", placementScaleTicks);
            positive("placementTailIndex", placementTailIndex);
            atMost("placementTailIndex", placementTailIndex, 100);
            rate("marketRate", marketRate, true);
            positive("marketSizeMean", marketSizeMean);
            atLeast("marketSizeMean", marketSizeMean, lotSize, "one lot (lotSize " + lotSize + ")");
            rate("cancelRate", cancelRate, false);
            rate("shockRate", shockRate, true);
            atLeast("shockMeanTicks", shockMeanTicks, 1.0, "1 tick");
            duration("burstDuration", burstDuration, true, Duration.ofDays(1));
            if (!(burstIntensity >= 1.0) || burstIntensity > 1e4) {
                throw new IllegalArgumentException("burstIntensity must be in [1, 10000], was " + burstIntensity);
            }
            duration("feedLatency", feedLatency, true, Duration.ofHours(1));
            duration("feedJitter", feedJitter, true, Duration.ofHours(1));
            if (feedJitter.compareTo(feedLatency) > 0) {
                throw new IllegalArgumentException("feedJitter must be at most feedLatency (" + feedLatency
                        + "), so that no latency is negative, was " + feedJitter);
            }
            double startTicks = Math.rint(startPrice / tickSize);
            if (startTicks < 10.0 * depthTicks) {
                throw new IllegalArgumentException("startPrice must be at least 10 * depthTicks ticks (" + depthTicks
                        + " * 10 * " + tickSize + ") so that the book stays at positive prices, was " + startPrice);
            }
            if (startTicks > 0x1.0p40) {
                throw new IllegalArgumentException("startPrice must be at most 2^40 ticks (prices are exact in a "
                        + "double), was " + startPrice + " at tickSize " + tickSize);
            }
        }

        /**
         * Binance USD-M BTCUSDT-like defaults, calibrated by eye against the recorded BTCUSDT feed in the project's
         * test data: a one-tick spread about 90% of the time (recorded: 99%), a sticky mid (unchanged over 80% of
         * 100 ms intervals; recorded: 89%) moving about half a basis point per 100 ms, a best queue of several BTC
         * (recorded: 3.6), an order-book imbalance within 0.1% of the mid whose autocorrelation is about 0.9 after
         * one second and 0.5 after ten (recorded: the same):
         * <ul>
         *   <li>instrument: tick 0.1, lot 0.001, opening at 60000; ten minutes of market time from
         *       2024-08-08T00:00:00Z after a one-minute warm-up; seed 42;
         *   <li>fair price: a jump a second, 40 ticks on average (about 53% annualised volatility), leaning on the
         *       best queues' imbalance with sensitivity 2;
         *   <li>flow: 100 limit orders a second a side (mean 0.15, placement scale 4 ticks, tail index 0.8, within
         *       1000 ticks), 5 market orders a second a side (mean 0.3), resting orders live 10 s on average;
         *   <li>a shock every two minutes on average (mean 500 ticks, about 8 basis points), then a 15 s burst at
         *       5 times the rates;
         *   <li>feed latency 5 ms ± 1 ms; bookTicker on.
         * </ul>
         * About 400,000 events.
         */
        public static Config defaults() {
            return new Config(42L, 0.1, 0.001, 60_000.0, Instant.parse("2024-08-08T00:00:00Z"), Duration.ofMinutes(10),
                    Duration.ofMinutes(1), 1.0, 40.0, 2.0, 100.0, 0.15, 1000, 4.0, 0.8, 5.0, 0.3, 0.1, 1.0 / 120.0, 500.0,
                    Duration.ofSeconds(15), 5.0, Duration.ofMillis(5), Duration.ofMillis(1), true);
        }

        /** This config with another seed. */
        public Config withSeed(long newSeed) {
            return new Config(newSeed, tickSize, lotSize, startPrice, start, duration, warmup, jumpRate, jumpMeanTicks,
                    imbalanceSensitivity, limitRate, limitSizeMean, depthTicks, placementScaleTicks, placementTailIndex, marketRate,
                    marketSizeMean, cancelRate, shockRate, shockMeanTicks, burstDuration, burstIntensity, feedLatency,
                    feedJitter, bookTicker);
        }

        /** This config covering another span of market time. */
        public Config withDuration(Duration newDuration) {
            return new Config(seed, tickSize, lotSize, startPrice, start, newDuration, warmup, jumpRate, jumpMeanTicks,
                    imbalanceSensitivity, limitRate, limitSizeMean, depthTicks, placementScaleTicks, placementTailIndex, marketRate,
                    marketSizeMean, cancelRate, shockRate, shockMeanTicks, burstDuration, burstIntensity, feedLatency,
                    feedJitter, bookTicker);
        }

        /**
         * The annualised volatility (365-day year) of the fair price outside bursts and shocks, relative to the
         * start price: {@code sqrt(jumpRate * E[k^2] * secondsPerYear) * tickSize / startPrice}, with {@code E[k^2]
         * = m(2m - 1)} for jumps geometric with mean {@code m}.
         */
        public double impliedVolatility() {
            double m = jumpMeanTicks;
            return Math.sqrt(jumpRate * m * (2 * m - 1) * 365.0 * 86_400.0) * tickSize / startPrice;
        }

        /** One line for logs and reports: what market this is. */
        public String summary() {
            return String.format(Locale.ROOT,
                    "synthetic zero-intelligence market (seed %d): tick %s, lot %s, opening at %s, %s of market time "
                            + "from %s; fair-price volatility %.0f%% a year, %s limit, %s market orders/s a side, "
                            + "%s",
                    seed, plain(tickSize), plain(lotSize), plain(startPrice), readable(duration), start,
                    100 * impliedVolatility(), plain(limitRate), plain(marketRate),
                    shockRate == 0 ? "no shocks" : "a shock every " + readable(Duration.ofMillis(
                            Math.round(Math.min(1e12, 1000 / shockRate)))) + " on average");
        }

        private static String readable(Duration d) {
            return d.toString().substring(2).toLowerCase(Locale.ROOT);
        }

        private static String plain(double v) {
            return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        }

        private static void positive(String name, double value) {
            if (!(value > 0.0) || value == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
            }
        }

        private static void rate(String name, double value, boolean zeroAllowed) {
            if (!(zeroAllowed ? value >= 0.0 : value > 0.0) || value > MAX_RATE) {
                throw new IllegalArgumentException(name + " must be in " + (zeroAllowed ? "[0, " : "(0, ") + MAX_RATE
                        + "] a second, was " + value);
            }
        }

        private static void atLeast(String name, double value, double min, String what) {
            if (!(value >= min) || value == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(name + " must be finite and at least " + what + ", was " + value);
            }
        }

        private static void atMost(String name, double value, double max) {
            if (value > max) {
                throw new IllegalArgumentException(name + " must be at most " + max + ", was " + value);
            }
        }

        private static void duration(String name, Duration value, boolean zeroAllowed, Duration max) {
            if (value == null) {
                throw new IllegalArgumentException(name + " must not be null");
            }
            if (value.isNegative() || (!zeroAllowed && value.isZero())) {
                throw new IllegalArgumentException(name + " must be " + (zeroAllowed ? ">= 0" : "> 0") + ", was "
                        + value);
            }
            if (value.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be at most " + max + ", was " + value);
            }
        }

        private static void decimals(String name, double value) {
            if (decimalPlaces(value) < 0) {
                throw new IllegalArgumentException(name + " must be a decimal of at most " + MAX_DECIMALS
                        + " places, such as 0.1 or 0.25, was " + value);
            }
        }
    }

    private final Config config;
    private final MarketEvent event = new MarketEvent();
    private final SplitMix64 random;
    private final TickLadder ladder;
    private final EventRows rows;
    private final long[] moved;
    private final long[] movedLots;
    private final long[] changedBid;
    private final long[] changedAsk;
    private final long[] bidStamp;
    private final long[] askStamp;

    // the config in model units
    private final long startNs;
    private final long endNs;
    private final long latencyNs;
    private final long jitterNs;
    private final long burstNs;
    private final double jumpRate;
    private final double imbalanceSensitivity;
    private final double limitRate;
    private final double marketRate;
    private final double cancelRate;
    private final double shockRate;
    private final double burstIntensity;
    private final double limitMeanLots;
    private final double jumpInvLogQ;
    private final double limitInvLogQ;
    private final double marketInvLogQ;
    private final double shockInvLogQ;
    private final int depthTicks;
    private final double placementScale;
    private final double placementInvTail;
    private final double placementMaxCdf;
    private final double fairFloor;
    private final boolean bookTicker;

    // model state
    private long now;
    private double fair;
    private int burstDirection;
    private long burstEnd;
    private long lastLocal = Long.MIN_VALUE;
    private long updateId;
    private long tradeId;
    private int changedBids;
    private int changedAsks;
    private long diffSerial = 1;
    private long bboBid = TickLadder.NONE;
    private long bboBidLots;
    private long bboAsk = TickLadder.NONE;
    private long bboAskLots;

    // the stream
    private int row;
    private boolean opened;
    private boolean finished;
    private boolean closed;

    // counts
    private long events;
    private long messages;
    private long limitOrders;
    private long marketOrders;
    private long cancellations;
    private long jumps;
    private long trades;
    private long shocks;

    /**
     * A market generated from {@code config}; the opening book is built and warmed up here.
     *
     * @throws NullPointerException when {@code config} is null
     */
    public SyntheticMarket(Config config) {
        if (config == null) {
            throw new NullPointerException("config");
        }
        this.config = config;
        this.random = new SplitMix64(config.seed());
        long tickScale = pow10(decimalPlaces(config.tickSize()));
        long lotScale = pow10(decimalPlaces(config.lotSize()));
        this.depthTicks = config.depthTicks();
        int window = Math.max(1 << 12, Integer.highestOneBit(16 * depthTicks - 1) << 1);
        long startTick = Math.round(config.startPrice() / config.tickSize());
        this.ladder = new TickLadder(window, startTick - window / 2);
        this.rows = new EventRows(2 * window + 16, Math.round(config.tickSize() * tickScale), tickScale,
                Math.round(config.lotSize() * lotScale), lotScale);
        this.moved = new long[window];
        this.movedLots = new long[window];
        this.changedBid = new long[window];
        this.changedAsk = new long[window];
        this.bidStamp = new long[window];
        this.askStamp = new long[window];

        this.startNs = Duration.between(Instant.EPOCH, config.start()).toNanos();
        this.endNs = startNs + config.duration().toNanos();
        this.latencyNs = config.feedLatency().toNanos();
        this.jitterNs = config.feedJitter().toNanos();
        this.burstNs = config.burstDuration().toNanos();
        this.jumpRate = config.jumpRate();
        this.imbalanceSensitivity = config.imbalanceSensitivity();
        this.limitRate = config.limitRate();
        this.marketRate = config.marketRate();
        this.cancelRate = config.cancelRate();
        this.shockRate = config.shockRate();
        this.burstIntensity = config.burstIntensity();
        this.limitMeanLots = config.limitSizeMean() / config.lotSize();
        this.jumpInvLogQ = invLogQ(config.jumpMeanTicks());
        this.limitInvLogQ = invLogQ(limitMeanLots);
        this.marketInvLogQ = invLogQ(config.marketSizeMean() / config.lotSize());
        this.shockInvLogQ = invLogQ(config.shockMeanTicks());
        this.placementScale = config.placementScaleTicks();
        this.placementInvTail = 1.0 / config.placementTailIndex();
        this.placementMaxCdf = -StrictMath.expm1(-config.placementTailIndex()
                * StrictMath.log1p(depthTicks / placementScale));
        this.fairFloor = 2.0 * depthTicks;
        this.bookTicker = config.bookTicker();

        openBook(startTick);
    }

    /** The parameters this market was generated from. */
    public Config config() {
        return config;
    }

    @Override
    public boolean next() {
        if (closed) {
            return false;
        }
        while (row >= rows.size()) {
            if (!fill()) {
                return false;
            }
        }
        rows.load(row++, event);
        events++;
        return true;
    }

    @Override
    public MarketEvent event() {
        return event;
    }

    @Override
    public String position() {
        return "synthetic market (seed " + config.seed() + "): event " + events;
    }

    /** Ends the stream: {@link #next()} returns false from now on. */
    @Override
    public void close() {
        closed = true;
    }

    /** Events handed out so far. */
    public long eventCount() {
        return events;
    }

    /** Messages generated so far (a model event's messages are generated together, before they are handed out). */
    public long messageCount() {
        return messages;
    }

    /** Trades printed so far: one per level an order took from. */
    public long tradeCount() {
        return trades;
    }

    /** Limit orders that rested or traded, after the warm-up. */
    public long limitOrderCount() {
        return limitOrders;
    }

    /** Market orders that traded, after the warm-up. */
    public long marketOrderCount() {
        return marketOrders;
    }

    /** Cancellations, after the warm-up. */
    public long cancellationCount() {
        return cancellations;
    }

    /** Fair-price jumps, shocks excluded, after the warm-up. */
    public long jumpCount() {
        return jumps;
    }

    /** Shocks so far. */
    public long shockCount() {
        return shocks;
    }

    /** The model's own book, for tests. */
    TickLadder ladder() {
        return ladder;
    }

    /** The fair price in ticks, for tests. */
    double fairTicks() {
        return fair;
    }

    /** Whether every event of the model events generated so far has been handed out, so {@link #ladder()} matches the stream. */
    boolean atModelEventBoundary() {
        return row >= rows.size();
    }

    /** The price the events give {@code tick}, for tests. */
    double price(long tick) {
        return rows.price(tick);
    }

    /** The quantity the events give {@code lots}, for tests. */
    double quantity(long lots) {
        return rows.quantity(lots);
    }

    // ---- generation ---------------------------------------------------------------------------------

    /** Generates the next model event's rows; false at the end. */
    private boolean fill() {
        rows.clear();
        row = 0;
        if (!opened) {
            opened = true;
            emitSnapshot();
            return true;
        }
        while (!finished) {
            if (!step(endNs, true)) {
                finished = true;
                return false;
            }
            if (rows.size() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Places the opening book around {@code startTick} and lets it settle for the warm-up. */
    private void openBook(long startTick) {
        now = startNs - config.warmup().toNanos();
        fair = startTick - 0.5;
        ladder.add(true, startTick - 1, random.nextGeometric(limitInvLogQ));
        ladder.add(false, startTick, random.nextGeometric(limitInvLogQ));
        long orders = Math.max(1, Math.round(limitRate / cancelRate));
        for (long i = 0; i < orders; i++) {
            ladder.add(true, (long) Math.floor(fair - placement()), random.nextGeometric(limitInvLogQ));
            ladder.add(false, (long) Math.ceil(fair + placement()), random.nextGeometric(limitInvLogQ));
        }
        while (step(startNs, false)) {
            rows.clear();
        }
        rows.clear();
        now = startNs;
        lastLocal = Long.MIN_VALUE;
        updateId = 0;
        tradeId = 0;
        bboBid = TickLadder.NONE;
        bboAsk = TickLadder.NONE;
        messages = 0;
        limitOrders = 0;
        marketOrders = 0;
        cancellations = 0;
        jumps = 0;
        trades = 0;
    }

    /**
     * One Gillespie step up to {@code limit}: waits an exponential time at the total intensity and plays one
     * event. Returns false, leaving the clock at {@code limit}, when the next event would come after it.
     */
    private boolean step(long limit, boolean shocksOn) {
        boolean burst = burstDirection != 0;
        double jump = burst ? jumpRate * burstIntensity : jumpRate;
        double buy = burstDirection > 0 ? marketRate * burstIntensity : marketRate;
        double sell = burstDirection < 0 ? marketRate * burstIntensity : marketRate;
        double cancel = cancelRate * ladder.totalLots() / limitMeanLots;
        double shock = shocksOn ? shockRate : 0.0;
        double total = jump + 2 * limitRate + buy + sell + cancel + shock;
        double wait = random.nextExponential() / total * NANOS_PER_SECOND;
        long t = wait >= (double) (limit - now) ? Long.MAX_VALUE : now + (long) wait;
        if (burst && burstEnd <= limit && t >= burstEnd) {
            now = burstEnd;
            burstDirection = 0;
            return true;
        }
        if (t > limit) {
            now = limit;
            return false;
        }
        now = t;
        long latency = latencyNs + (jitterNs == 0 ? 0 : Math.round(jitterNs * (2 * random.nextDouble() - 1)));
        long local = Math.max(lastLocal, now + latency);
        double u = random.nextDouble() * total;
        if ((u -= jump) < 0) {
            jump(random.nextDouble() < upProbability(), random.nextGeometric(jumpInvLogQ), false, local);
            jumps++;
        } else if ((u -= limitRate) < 0) {
            limitOrder(true, local);
        } else if ((u -= limitRate) < 0) {
            limitOrder(false, local);
        } else if ((u -= buy) < 0) {
            marketOrder(true, local);
        } else if ((u -= sell) < 0) {
            marketOrder(false, local);
        } else if ((u -= cancel) < 0 || shock == 0) {
            cancellation(local);
        } else {
            boolean up = random.nextDouble() < 0.5;
            jump(up, random.nextGeometric(shockInvLogQ), true, local);
            burstDirection = up ? 1 : -1;
            burstEnd = now + burstNs;
            shocks++;
        }
        if (rows.size() > 0) {
            lastLocal = local;
            recenterIfNeeded(local);
            bookTickerIfChanged(local);
        }
        return true;
    }

    /**
     * The fair price moves {@code ticks} up or down (at most an eighth of the ladder's window, itself at least
     * {@code 16 * depthTicks}). An informed order of a market-order size picks off the stale side up to the new
     * fair price; the stale quotes it leaves on the wrong side of it are requoted as far as the price moved or,
     * in a shock ({@code withdraw}), withdrawn; on the other side the levels within that distance of the best
     * follow the price. Trades first, then one diff message.
     */
    private void jump(boolean up, long ticks, boolean withdraw, long local) {
        double before = fair;
        fair = Math.max(fairFloor, up ? fair + Math.min(ticks, ladder.size() / 8) : fair - Math.min(ticks,
                ladder.size() / 8));
        long shift = Math.abs(Math.round(fair - before));
        if (shift == 0) {
            return;
        }
        long bound = up ? (long) Math.ceil(fair) - 1 : (long) Math.floor(fair) + 1;
        sweep(up, bound, random.nextGeometric(marketInvLogQ), local);
        boolean staleBids = !up;
        int n = 0;
        for (long t = staleBids ? ladder.bestBid() : ladder.bestAsk(); t != TickLadder.NONE
                && (staleBids ? t >= bound : t <= bound); t = staleBids ? ladder.nextBelow(t) : ladder.nextAbove(t)) {
            moved[n] = t;
            movedLots[n++] = ladder.lotsAt(t);
        }
        // a withdrawal that would empty the side keeps its furthest stale level
        int kept = withdraw && n == (staleBids ? ladder.bidLevels() : ladder.askLevels()) ? 1 : 0;
        for (int i = 0; i < n - kept; i++) {
            take(staleBids, moved[i], movedLots[i]);
        }
        if (!withdraw) {
            long delta = up ? shift : -shift;
            for (int i = 0; i < n; i++) {
                long to = moved[i] + delta;
                place(staleBids, placeable(to) ? to : moved[i], movedLots[i]);
            }
        }
        follow(up, shift);
        flushDiff(local);
    }

    /**
     * The side of the book the price moved towards ({@code up}: the bids) follows it: its levels within
     * {@code shift} ticks of its best move {@code shift} ticks on, each as far as it stays clear of the other side.
     */
    private void follow(boolean up, long shift) {
        long best = up ? ladder.bestBid() : ladder.bestAsk();
        int n = 0;
        for (long t = best; t != TickLadder.NONE && Math.abs(best - t) < shift; t = up ? ladder.nextBelow(t)
                : ladder.nextAbove(t)) {
            moved[n] = t;
            movedLots[n++] = ladder.lotsAt(t);
        }
        for (int i = 0; i < n; i++) {
            take(up, moved[i], movedLots[i]);
        }
        long other = up ? ladder.bestAsk() : ladder.bestBid();
        for (int i = 0; i < n; i++) {
            long to = up ? moved[i] + shift : moved[i] - shift;
            boolean clear = placeable(to) && (up ? to < other : to > other);
            place(up, clear ? to : moved[i], movedLots[i]);
        }
    }

    /**
     * A limit order placed {@code x} ticks from the fair price. One that reaches the other side is a marketable
     * limit order: it trades through the levels up to its price, and the rest, if any, rests at its price.
     */
    private void limitOrder(boolean bid, long local) {
        double x = placement();
        long tick = bid ? (long) Math.floor(fair - x) : (long) Math.ceil(fair + x);
        long lots = random.nextGeometric(limitInvLogQ);
        if (!placeable(tick)) {
            return;
        }
        long opposite = bid ? ladder.bestAsk() : ladder.bestBid();
        long remaining = lots;
        if (bid ? tick >= opposite : tick <= opposite) {
            remaining -= sweep(bid, tick, lots, local);
        }
        if (remaining > 0 && (bid ? tick < ladder.bestAsk() : tick > ladder.bestBid())) {
            place(bid, tick, remaining);
        }
        if (changedBids + changedAsks > 0) {
            limitOrders++;
            flushDiff(local);
        }
    }

    private void marketOrder(boolean buy, long local) {
        if (sweep(buy, buy ? Long.MAX_VALUE : Long.MIN_VALUE, random.nextGeometric(marketInvLogQ), local) > 0) {
            marketOrders++;
            flushDiff(local);
        }
    }

    /**
     * Takes up to {@code lots} from the side opposite {@code buy}, level by level from its best, at prices up to
     * {@code limitTick} (down to it for a sell), never the side's last lot, printing one trade message per level;
     * returns the quantity taken.
     */
    private long sweep(boolean buy, long limitTick, long lots, long local) {
        long remaining = lots;
        long tick = buy ? ladder.bestAsk() : ladder.bestBid();
        while (remaining > 0 && (buy ? tick <= limitTick : tick >= limitTick)) {
            long level = ladder.lotsAt(tick);
            boolean last = (buy ? ladder.askLevels() : ladder.bidLevels()) == 1;
            long take = Math.min(remaining, last ? level - 1 : level);
            if (take <= 0) {
                break;
            }
            long following = buy ? ladder.nextAbove(tick) : ladder.nextBelow(tick);
            take(!buy, tick, take);
            remaining -= take;
            rows.add(buy ? BUY_TRADE : SELL_TRADE, now, local, tick, take, ++tradeId);
            endMessage();
            trades++;
            if (following == TickLadder.NONE) {
                break;
            }
            tick = following;
        }
        return lots - remaining;
    }

    private void cancellation(long local) {
        long tick = ladder.tickOfLot(random.nextLong(ladder.totalLots()));
        long lots = random.nextGeometric(limitInvLogQ);
        boolean bid = ladder.isBid(tick);
        long level = ladder.lotsAt(tick);
        lots = Math.min(lots, (bid ? ladder.bidLevels() : ladder.askLevels()) == 1 ? level - 1 : level);
        if (lots > 0) {
            take(bid, tick, lots);
            cancellations++;
            flushDiff(local);
        }
    }

    /** Moves the ladder's window back around the quotes when they near an edge; levels that fall out expire. */
    private void recenterIfNeeded(long local) {
        int size = ladder.size();
        int margin = size / 8;
        long base = ladder.base();
        if (ladder.bestBid() - base >= margin && base + size - 1 - ladder.bestAsk() >= margin) {
            return;
        }
        long newBase = (ladder.bestBid() + ladder.bestAsk()) / 2 - size / 2;
        long from = newBase > base ? base : Math.max(base, newBase + size);
        long to = newBase > base ? Math.min(base + size, newBase) : base + size;
        for (long t = from; t < to; t++) {
            long lots = ladder.lotsAt(t);
            if (lots > 0) {
                take(ladder.isBid(t), t, lots);
            }
        }
        flushDiff(local);
        ladder.recenter(newBase);
    }

    /** Whether a level may be placed at {@code tick}: a positive price inside the ladder's window. */
    private boolean placeable(long tick) {
        return tick >= 1 && ladder.inWindow(tick);
    }

    // ---- messages -----------------------------------------------------------------------------------

    /** Adds lots to a level and notes it for the next diff. */
    private void place(boolean bid, long tick, long lots) {
        ladder.add(bid, tick, lots);
        changed(bid, tick);
    }

    /** Removes lots from a level and notes it for the next diff. */
    private void take(boolean bid, long tick, long lots) {
        ladder.remove(bid, tick, lots);
        changed(bid, tick);
    }

    private void changed(boolean bid, long tick) {
        int i = (int) (tick - ladder.base());
        if (bid) {
            if (bidStamp[i] != diffSerial) {
                bidStamp[i] = diffSerial;
                changedBid[changedBids++] = tick;
            }
        } else if (askStamp[i] != diffSerial) {
            askStamp[i] = diffSerial;
            changedAsk[changedAsks++] = tick;
        }
    }

    /**
     * One depth diff message of every level changed since the last one, each once with its new absolute
     * quantity (0 when it emptied), bids first, under a new update id; nothing when nothing changed.
     */
    private void flushDiff(long local) {
        if (changedBids + changedAsks == 0) {
            return;
        }
        ++updateId;
        for (int i = 0; i < changedBids; i++) {
            rows.add(BID_DIFF, now, local, changedBid[i], ladder.sideLotsAt(true, changedBid[i]), updateId);
        }
        for (int i = 0; i < changedAsks; i++) {
            rows.add(ASK_DIFF, now, local, changedAsk[i], ladder.sideLotsAt(false, changedAsk[i]), updateId);
        }
        endMessage();
        changedBids = 0;
        changedAsks = 0;
        diffSerial++;
    }

    private void bookTickerIfChanged(long local) {
        long bid = ladder.bestBid();
        long ask = ladder.bestAsk();
        long bidLots = ladder.lotsAt(bid);
        long askLots = ladder.lotsAt(ask);
        if (bid == bboBid && ask == bboAsk && bidLots == bboBidLots && askLots == bboAskLots) {
            return;
        }
        bboBid = bid;
        bboAsk = ask;
        bboBidLots = bidLots;
        bboAskLots = askLots;
        if (bookTicker) {
            rows.add(BID_BBO, now, local, bid, bidLots, updateId);
            rows.add(ASK_BBO, now, local, ask, askLots, updateId);
            endMessage();
        }
    }

    /** The opening snapshot: per side a clear through the furthest level, then the levels from the best outward. */
    private void emitSnapshot() {
        long latency = latencyNs + (jitterNs == 0 ? 0 : Math.round(jitterNs * (2 * random.nextDouble() - 1)));
        long local = startNs + latency;
        long id = ++updateId;
        for (int side = 0; side < 2; side++) {
            boolean bid = side == 0;
            long flags = (bid ? EventFlags.BUY_EVENT : EventFlags.SELL_EVENT) | BOTH_CLOCKS;
            int clear = rows.size();
            rows.add(EventFlags.DEPTH_CLEAR_EVENT | flags, now, local, EventRows.NO_TICK, 0, id);
            long furthest = EventRows.NO_TICK;
            long t = bid ? ladder.bestBid() : ladder.bestAsk();
            while (t != TickLadder.NONE && bid == ladder.isBid(t)) {
                rows.add(EventFlags.DEPTH_SNAPSHOT_EVENT | flags, now, local, t, ladder.lotsAt(t), id);
                furthest = t;
                t = bid ? ladder.nextBelow(t) : ladder.nextAbove(t);
            }
            rows.setTick(clear, furthest);
        }
        endMessage();
        lastLocal = local;
        bookTickerIfChanged(local);
    }

    private void endMessage() {
        rows.endMessage();
        messages++;
    }

    /** {@code 1 / (1 + exp(-imbalanceSensitivity * (qBid - qAsk) / (qBid + qAsk)))} over the best queues. */
    private double upProbability() {
        if (imbalanceSensitivity == 0) {
            return 0.5;
        }
        double b = ladder.lotsAt(ladder.bestBid());
        double a = ladder.lotsAt(ladder.bestAsk());
        return 1.0 / (1.0 + StrictMath.exp(-imbalanceSensitivity * (b - a) / (b + a)));
    }

    /** A placement distance from the fair price, in ticks, in {@code [0, depthTicks)}: the truncated Lomax law. */
    private double placement() {
        double v = random.nextDouble() * placementMaxCdf;
        double x = placementScale * StrictMath.expm1(-placementInvTail * StrictMath.log1p(-v));
        return Math.min(x, Math.nextDown((double) depthTicks));
    }

    /** {@code 1 / -ln(1 - 1/mean)}, the factor that turns an exponential into a geometric with that mean. */
    private static double invLogQ(double mean) {
        return mean <= 1.0 ? 0.0 : -1.0 / StrictMath.log1p(-1.0 / mean);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    /** The fewest decimal places {@code value} is written with (0.1: 1, 0.25: 2, 5: 0), or -1 beyond 12. */
    static int decimalPlaces(double value) {
        if (!(value > 0.0) || value == Double.POSITIVE_INFINITY) {
            return -1;
        }
        long scale = 1;
        for (int k = 0; k <= MAX_DECIMALS; k++, scale *= 10) {
            double units = Math.rint(value * scale);
            if (units >= 1 && units < 0x1.0p53 && units / scale == value) {
                return k;
            }
        }
        return -1;
    }
}
