package io.factorgraph.backtest.synthetic;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

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
 *   <li><b>Fair price.</b> {@code f} (off the tick grid) jumps at rate {@link PriceProcess#jumpRate() jumpRate}
 *       by a geometric number of ticks with mean {@link PriceProcess#jumpMeanTicks() jumpMeanTicks}: between jumps
 *       the mid is sticky, as in a real large-tick book, and over seconds it is a driftless random walk with
 *       variance about {@code jumpRate * E[k^2]} ticks² a second ({@link Config#impliedVolatility()} gives it
 *       annualised). A jump
 *       goes up with probability {@code 1 / (1 + exp(-imbalanceSensitivity * (qBid - qAsk) / (qBid + qAsk)))},
 *       {@code q} the quantities at the best bid and ask: the thinner queue tends to give way (a queue-reactive
 *       lean in the manner of Huang, Lehalle and Rosenbaum 2015), so order-book imbalance carries some
 *       information about the next move, and mean-reverts with the queues. At a jump, quotes on the stale side
 *       are picked off: an informed order of a market-order size takes liquidity up to the new fair price
 *       (trades); the stale quotes it leaves on the wrong side of the new price are requoted as far as it moved,
 *       and on the other side the levels within that distance of the best follow it, as market makers requote.
 *   <li><b>Limit orders</b> arrive at rate {@link OrderFlow#limitRate() limitRate} a side, at a distance
 *       {@code x} ticks from the fair price (a bid at {@code floor(f - x)}, an ask at {@code ceil(f + x)}),
 *       {@code x} drawn from a Pareto (Lomax) law truncated at {@link BookShape#depthTicks() depthTicks}:
 *       {@code P(x > s) ~ (1 + s/placementScaleTicks)^-placementTailIndex}. Most join the best quotes,
 *       a heavy tail fills the book out to {@code depthTicks}. A limit order that reaches the other side
 *       (the book lags the fair price) is marketable: it trades through the levels up to its price and rests
 *       with the rest. Sizes are geometric in lots with mean {@link OrderFlow#limitSizeMean() limitSizeMean}.
 *   <li><b>Market orders</b> arrive at rate {@link OrderFlow#marketRate() marketRate} a side, sizes geometric with
 *       mean {@link OrderFlow#marketSizeMean() marketSizeMean}. One sweeps the other side from its best level
 *       outward, printing one trade per level it takes from. Uninformed: the book refills around the fair
 *       price, so its price impact is transient.
 *   <li><b>Cancellations</b>: every resting unit of quantity is cancelled at hazard rate {@link
 *       OrderFlow#cancelRate() cancelRate} (mean resting life {@code 1/cancelRate}). A cancellation picks a level
 *       with probability proportional to its quantity and removes one order's worth (a limit-size draw, at
 *       most the level), so they come at rate {@code cancelRate * Q / limitSizeMean} for a resting quantity
 *       {@code Q}. This is the mean-reverting force: depth and order-book imbalance relax on the time scale
 *       {@code 1/cancelRate}.
 *   <li><b>Shocks and bursts.</b> At rate {@link Shocks#rate() shocks.rate} the fair price jumps by a
 *       geometric number of ticks with mean {@link Shocks#meanTicks() shocks.meanTicks}. The stale side is
 *       picked off as in any jump, but what is left of it on the wrong side is withdrawn, not requoted: the mid
 *       gaps within milliseconds. A burst of {@link Shocks#burstDuration() burstDuration} follows: fair-price
 *       jumps come {@link Shocks#burstIntensity() burstIntensity} times as often, and so do market orders in the
 *       shock's direction. Volatility clusters; a volatility filter and a stop-loss have something to react to.
 * </ul>
 * No order may take a side's last lot, so both sides always have a level. The model starts from a book of
 * {@code limitRate / cancelRate} orders a side placed by the same law and runs, unpublished and without
 * shocks, for {@link Session#warmup() warmup} of market time before it publishes anything.
 *
 * <h2>The events</h2>
 * Exactly the shapes {@link io.factorgraph.runtime.data.binance.BinanceFeedReader} produces from a recorded feed:
 * <ol>
 *   <li>first, a depth snapshot of the whole book in one message (per side a {@link EventFlags#DEPTH_CLEAR_EVENT}
 *       through the furthest level, then one {@link EventFlags#DEPTH_SNAPSHOT_EVENT} per level from the best
 *       outward; bids, then asks), at {@link Session#start() start};
 *   <li>per model event, first the trades it printed, if any, one message each ({@link EventFlags#TRADE_EVENT}
 *       at the resting level's price, side flag the aggressor's: {@link EventFlags#BUY_EVENT} for a buy, as the
 *       reader maps Binance's {@code "m":false}); then one depth diff message with every level it changed, each
 *       once, with its new absolute quantity (0 when it emptied), bids first ({@link EventFlags#DEPTH_EVENT}).
 *       A resting limit order or a cancellation changes one level; a jump, many. Levels that fall out of the
 *       model's price window as the price travels (thousands of ticks from the quotes, in practice long
 *       cancelled) expire in a diff message of their own;
 *   <li>when {@link FeedTiming#bookTicker() bookTicker} is on, after every model event that changed the best bid or
 *       ask (price or quantity), a bookTicker message: two {@link EventFlags#DEPTH_BBO_EVENT}s, bid then ask.
 * </ol>
 * The last event of each message is marked {@link MarketEvent#endOfMessage()}. {@code ival} carries the ids a
 * Binance client sees: the update id of a diff, snapshot ({@code lastUpdateId}) or bookTicker, the trade id of
 * a trade. Prices are the doubles their decimal strings parse to (a whole number of ticks divided by a power of
 * ten), quantities likewise in lots.
 *
 * <p>Timestamps are nanoseconds since the epoch. The exchange time of an event is the model's clock; the
 * messages of one model event share it and one feed latency, drawn uniformly in {@code feed.latency ±
 * feed.jitter}: {@code local_ts = exch_ts + latency}, raised when needed to the previous message's
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
 * try (EventSource market = new SyntheticMarket(SyntheticMarket.Config.defaults().withSeed(7)
 *         .withShocks(s -> s.withRate(0)))) {
 *     MarketEvent e = market.event();
 *     while (market.next()) { ... }
 * }
 * }</pre>
 *
 * <h2>The code</h2>
 * The configuration is one record per concern ({@link Instrument}, {@link Session}, {@link PriceProcess},
 * {@link OrderFlow}, {@link BookShape}, {@link Shocks}, {@link FeedTiming}) gathered in {@link Config}; the model
 * is {@link OrderFlowModel} on a {@link TickLadder}; {@link BookMessages} turns its book changes into the feed's
 * messages, held in {@link EventRows} and handed out here one event at a time.
 */
public final class SyntheticMarket implements EventSource {
    /**
     * The synthetic market's parameters, grouped by concern. Every group checks its own fields on construction
     * and this record the rules that join two groups; a bad value is an {@link IllegalArgumentException} whose
     * message starts with the field's qualified name ({@code flow.limitRate}, {@code instrument.startPrice}).
     * Change one value with the withers: {@code defaults().withFlow(f -> f.withMarketRate(0))}.
     *
     * @param seed the random seed; the same config gives the same stream
     * @param instrument tick, lot and opening price
     * @param session the market time published, and the warm-up before it
     * @param price the fair price's jumps
     * @param flow limit orders, market orders and cancellations
     * @param book where limit orders are placed: the book's shape
     * @param shocks shocks and the bursts after them
     * @param feed feed latency and whether bookTicker messages are published
     */
    public record Config(
            long seed,
            Instrument instrument,
            Session session,
            PriceProcess price,
            OrderFlow flow,
            BookShape book,
            Shocks shocks,
            FeedTiming feed) {

        /** Checks that no group is missing, that order sizes are at least a lot and that prices stay positive. */
        public Config {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(book, "book");
            Objects.requireNonNull(shocks, "shocks");
            Objects.requireNonNull(feed, "feed");
            String oneLot = "one lot (instrument.lotSize " + instrument.lotSize() + ")";
            ConfigChecks.atLeast("flow.limitSizeMean", flow.limitSizeMean(), instrument.lotSize(), oneLot);
            ConfigChecks.atLeast("flow.marketSizeMean", flow.marketSizeMean(), instrument.lotSize(), oneLot);
            if (Math.rint(instrument.startPrice() / instrument.tickSize()) < 10.0 * book.depthTicks()) {
                throw new IllegalArgumentException("instrument.startPrice must be at least 10 * book.depthTicks ticks ("
                        + book.depthTicks() + " * 10 * " + instrument.tickSize()
                        + ") so that the book stays at positive prices, was " + instrument.startPrice());
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
            Instrument instrument = Instrument.btcUsdt();
            Session session = new Session(
                    /* start */ Instant.parse("2024-08-08T00:00:00Z"),
                    /* duration */ Duration.ofMinutes(10), /* warmup */
                    Duration.ofMinutes(1));
            PriceProcess price =
                    new PriceProcess(/* jumpRate */ 1.0, /* jumpMeanTicks */ 40.0, /* imbalanceSensitivity */ 2.0);
            OrderFlow flow = new OrderFlow(
                    /* limitRate */ 100.0, /* limitSizeMean */
                    0.15, /* marketRate */
                    5.0,
                    /* marketSizeMean */ 0.3, /* cancelRate */
                    0.1);
            BookShape book =
                    new BookShape(/* depthTicks */ 1000, /* placementScaleTicks */ 4.0, /* placementTailIndex */ 0.8);
            Shocks shocks = new Shocks(
                    /* rate */ 1.0 / 120.0, /* meanTicks */
                    500.0,
                    /* burstDuration */ Duration.ofSeconds(15), /* burstIntensity */
                    5.0);
            FeedTiming feed = new FeedTiming(
                    /* latency */ Duration.ofMillis(5), /* jitter */ Duration.ofMillis(1), /* bookTicker */ true);
            return new Config(/* seed */ 42L, instrument, session, price, flow, book, shocks, feed);
        }

        /** This config with another seed. */
        public Config withSeed(long newSeed) {
            return new Config(newSeed, instrument, session, price, flow, book, shocks, feed);
        }

        /** This config covering another span of market time. */
        public Config withDuration(Duration newDuration) {
            return withSession(session.withDuration(newDuration));
        }

        public Config withInstrument(Instrument newInstrument) {
            return new Config(seed, newInstrument, session, price, flow, book, shocks, feed);
        }

        public Config withSession(Session newSession) {
            return new Config(seed, instrument, newSession, price, flow, book, shocks, feed);
        }

        public Config withPrice(PriceProcess newPrice) {
            return new Config(seed, instrument, session, newPrice, flow, book, shocks, feed);
        }

        public Config withFlow(OrderFlow newFlow) {
            return new Config(seed, instrument, session, price, newFlow, book, shocks, feed);
        }

        public Config withBook(BookShape newBook) {
            return new Config(seed, instrument, session, price, flow, newBook, shocks, feed);
        }

        public Config withShocks(Shocks newShocks) {
            return new Config(seed, instrument, session, price, flow, book, newShocks, feed);
        }

        public Config withFeed(FeedTiming newFeed) {
            return new Config(seed, instrument, session, price, flow, book, shocks, newFeed);
        }

        /** This config with its instrument edited: {@code withInstrument(i -> i.withTickSize(0.25))}. */
        public Config withInstrument(UnaryOperator<Instrument> edit) {
            return withInstrument(edit.apply(instrument));
        }

        public Config withSession(UnaryOperator<Session> edit) {
            return withSession(edit.apply(session));
        }

        public Config withPrice(UnaryOperator<PriceProcess> edit) {
            return withPrice(edit.apply(price));
        }

        public Config withFlow(UnaryOperator<OrderFlow> edit) {
            return withFlow(edit.apply(flow));
        }

        public Config withBook(UnaryOperator<BookShape> edit) {
            return withBook(edit.apply(book));
        }

        public Config withShocks(UnaryOperator<Shocks> edit) {
            return withShocks(edit.apply(shocks));
        }

        public Config withFeed(UnaryOperator<FeedTiming> edit) {
            return withFeed(edit.apply(feed));
        }

        /**
         * The annualised volatility (365-day year) of the fair price outside bursts and shocks, relative to the
         * start price: {@code sqrt(jumpRate * E[k^2] * secondsPerYear) * tickSize / startPrice}, with {@code E[k^2]
         * = m(2m - 1)} for jumps geometric with mean {@code m}.
         */
        public double impliedVolatility() {
            return price.annualVolatilityTicks() * instrument.tickSize() / instrument.startPrice();
        }

        /** One line for logs and reports: what market this is. */
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "synthetic zero-intelligence market (seed %d): tick %s, lot %s, opening at %s, %s of market time "
                            + "from %s; fair-price volatility %.0f%% a year, %s limit, %s market orders/s a side, "
                            + "%s",
                    seed,
                    plain(instrument.tickSize()),
                    plain(instrument.lotSize()),
                    plain(instrument.startPrice()),
                    readable(session.duration()),
                    session.start(),
                    100 * impliedVolatility(),
                    plain(flow.limitRate()),
                    plain(flow.marketRate()),
                    shocks.rate() == 0
                            ? "no shocks"
                            : "a shock every "
                                    + readable(Duration.ofMillis(Math.round(Math.min(1e12, 1000 / shocks.rate()))))
                                    + " on average");
        }

        private static String readable(Duration d) {
            return d.toString().substring(2).toLowerCase(Locale.ROOT);
        }

        private static String plain(double v) {
            return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        }
    }

    private final Config config;
    private final MarketEvent event = new MarketEvent();
    private final OrderFlowModel model;
    private final EventRows rows;
    private int row;
    private boolean closed;
    private long events;

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
        this.model = new OrderFlowModel(config);
        this.rows = model.rows();
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
            row = 0;
            if (!model.generate()) {
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
        return model.messageCount();
    }

    /** Trades printed so far: one per level an order took from. */
    public long tradeCount() {
        return model.tradeCount();
    }

    /** Limit orders that rested or traded, after the warm-up. */
    public long limitOrderCount() {
        return model.limitOrderCount();
    }

    /** Market orders that traded, after the warm-up. */
    public long marketOrderCount() {
        return model.marketOrderCount();
    }

    /** Cancellations, after the warm-up. */
    public long cancellationCount() {
        return model.cancellationCount();
    }

    /** Fair-price jumps, shocks excluded, after the warm-up. */
    public long jumpCount() {
        return model.jumpCount();
    }

    /** Shocks so far. */
    public long shockCount() {
        return model.shockCount();
    }

    /** The model's own book, for tests. */
    TickLadder ladder() {
        return model.ladder();
    }

    /** The fair price in ticks, for tests. */
    double fairTicks() {
        return model.fairTicks();
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
}
