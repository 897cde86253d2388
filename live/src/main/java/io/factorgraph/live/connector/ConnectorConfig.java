package io.factorgraph.live.connector;

import io.factorgraph.backtest.exchange.FillMode;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.settings.ExchangeClock;
import io.factorgraph.backtest.settings.FeeSchedule;
import io.factorgraph.backtest.settings.GapSetting;
import io.factorgraph.backtest.settings.LatencySetting;
import io.factorgraph.backtest.settings.QueueSetting;
import io.factorgraph.backtest.settings.ReplaySpeed;
import io.factorgraph.backtest.settings.SimulatorSettings;
import io.factorgraph.live.launch.Durations;
import io.factorgraph.live.launch.LiveArgs;
import io.factorgraph.live.transport.TransportConfig;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * @param feeds the instruments, one feed each, in the order of the graph's {@code Book} inputs (the feed index is the
 *     instrument id on the market data stream, and picks the order and execution streams of its venue)
 * @param gapPolicy what a sequence gap in a recorded feed does
 * @param speed replay speed against the wall clock
 * @param lockstep the venues' clocks follow the strategy's ticks ({@code ClockAdvance}) instead of the replay: with
 *     zero latency the orders reach the venue at their tick's time, as in a backtest (for parity tests)
 * @param transport Aeron directory, channels, idle strategy, heartbeats
 * @param awaitNanos how long to wait for the engine (and a strategy, when {@code awaitStrategy}) to subscribe
 * @param awaitStrategy whether to wait for a strategy on every venue before replaying
 * @param lingerNanos after the data, how long to wait for the strategy to say it is done
 * @param testDropMarketData test hook: market data sequence numbers not to send ({@code 7,8}); {@code I:N,M} drops
 *     the batches numbered N and M of feed I instead
 */
public record ConnectorConfig(
        List<Feed> feeds,
        GapPolicy gapPolicy,
        ReplaySpeed speed,
        boolean lockstep,
        TransportConfig transport,
        long awaitNanos,
        boolean awaitStrategy,
        long lingerNanos,
        List<String> testDropMarketData) {

    /** The name a connector of one feed gives it (a graph's only book, whatever its name). */
    public static final String ONE_FEED = "book";

    /**
     * One instrument: its recorded feed and, when traded, its paper venue.
     *
     * @param name the graph's {@code Book} input the feed drives
     * @param data the recorded feed files, in order
     * @param tickSize the instrument's price step (its sink's {@code tick_size})
     * @param lotSize the instrument's quantity step
     * @param venue the paper venue's latency, fees, queue model and fill mode, as {@code fg backtest} takes them
     * @param traded whether a paper venue runs for it (a sink trades it)
     */
    public record Feed(
            String name, List<Path> data, double tickSize, double lotSize, SimulatorSettings venue, boolean traded) {
        public Feed {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(venue, "venue");
            data = List.copyOf(data);
            if (data.isEmpty()) {
                throw new IllegalArgumentException("--data: give the recorded feed to replay for " + name);
            }
        }

        /** The simulated venue: the backtest's exchange simulator with these options (a latency file is read now). */
        public SimulatorConfig simulatorConfig() throws MarketDataException {
            return venue.config(tickSize, lotSize);
        }
    }

    public ConnectorConfig {
        feeds = List.copyOf(feeds);
        testDropMarketData = List.copyOf(testDropMarketData);
        Objects.requireNonNull(gapPolicy, "gapPolicy");
        Objects.requireNonNull(speed, "speed");
        Objects.requireNonNull(transport, "transport");
        if (feeds.isEmpty()) {
            throw new IllegalArgumentException("--data: give the recorded feed to replay");
        }
        Set<String> names = new HashSet<>();
        for (Feed feed : feeds) {
            if (!names.add(feed.name())) {
                throw new IllegalArgumentException("--feed " + feed.name() + ": given twice");
            }
        }
    }

    /** One traded instrument, as a connector of one feed has always been configured. */
    public ConnectorConfig(
            List<Path> data,
            GapPolicy gapPolicy,
            ReplaySpeed speed,
            boolean lockstep,
            double tickSize,
            double lotSize,
            SimulatorSettings venue,
            TransportConfig transport,
            long awaitNanos,
            boolean awaitStrategy,
            long lingerNanos,
            List<String> testDropMarketData) {
        this(
                List.of(new Feed(ONE_FEED, data, tickSize, lotSize, venue, true)),
                gapPolicy,
                speed,
                lockstep,
                transport,
                awaitNanos,
                awaitStrategy,
                lingerNanos,
                testDropMarketData);
    }

    /** The first feed's files. */
    public List<Path> data() {
        return feeds.get(0).data();
    }

    /** The first feed's price step. */
    public double tickSize() {
        return feeds.get(0).tickSize();
    }

    /** The first feed's quantity step. */
    public double lotSize() {
        return feeds.get(0).lotSize();
    }

    /** The first feed's venue settings. */
    public SimulatorSettings venue() {
        return feeds.get(0).venue();
    }

    /** The first feed's simulated venue. */
    public SimulatorConfig simulatorConfig() throws MarketDataException {
        return feeds.get(0).simulatorConfig();
    }

    /** Whether this is the configuration of one traded feed, written as such ({@code --data F --tick-size X}). */
    private boolean oneFeed() {
        return feeds.size() == 1
                && feeds.get(0).name().equals(ONE_FEED)
                && feeds.get(0).traded();
    }

    /**
     * Reads the options: {@code --feed NAME} for each instrument in order (none: one feed), then per instrument
     * {@code --data NAME=FILE} (repeatable) and {@code --tick-size}, {@code --lot-size}, {@code --fees}, {@code
     * --latency}, {@code --queue}, {@code --fill}, {@code --exchange-clock} each either {@code NAME=VALUE} for one
     * instrument or a plain value for every one; {@code --venue NAME} for each traded one (none: every one).
     */
    public static ConnectorConfig fromArgs(LiveArgs args) {
        List<String> names = args.all("feed");
        boolean named = !names.isEmpty();
        if (!named) {
            names = List.of(ONE_FEED);
        }
        SimulatorSettings defaults = SimulatorSettings.DEFAULTS;
        Map<String, List<Path>> data = new LinkedHashMap<>();
        for (String value : args.all("data")) {
            String name = nameOf(value, names);
            String file = name == null ? value : value.substring(name.length() + 1);
            if (name == null && named && names.size() > 1) {
                throw new IllegalArgumentException(
                        "--data " + value + ": say which feed it is, NAME=FILE, one of " + String.join(", ", names));
            }
            data.computeIfAbsent(name == null ? names.get(0) : name, k -> new ArrayList<>())
                    .add(Path.of(file));
        }
        Map<String, Double> tick = perFeed(args, "tick-size", names, 0.1, Double::parseDouble);
        Map<String, Double> lot = perFeed(args, "lot-size", names, 0.001, Double::parseDouble);
        Map<String, LatencySetting> latency =
                perFeed(args, "latency", names, defaults.latency(), LatencySetting::parse);
        Map<String, FeeSchedule> fees = perFeed(args, "fees", names, defaults.fees(), FeeSchedule::parse);
        Map<String, QueueSetting> queue = perFeed(args, "queue", names, defaults.queue(), QueueSetting::parse);
        Map<String, FillMode> fill = perFeed(args, "fill", names, defaults.fill(), FillMode::parse);
        Map<String, ExchangeClock> clock =
                perFeed(args, "exchange-clock", names, defaults.clock(), ExchangeClock::parse);
        List<String> venues = args.all("venue");
        for (String v : venues) {
            if (!names.contains(v)) {
                throw new IllegalArgumentException(
                        "--venue " + v + ": not a feed; the feeds are " + String.join(", ", names));
            }
        }
        List<Feed> feeds = new ArrayList<>();
        for (String name : names) {
            feeds.add(new Feed(
                    name,
                    data.getOrDefault(name, List.of()),
                    tick.get(name),
                    lot.get(name),
                    new SimulatorSettings(
                            latency.get(name), fees.get(name), queue.get(name), fill.get(name), clock.get(name)),
                    venues.isEmpty() || venues.contains(name)));
        }
        return new ConnectorConfig(
                feeds,
                args.get("on-gap", GapPolicy.FAIL, GapSetting::parse),
                args.get("speed", ReplaySpeed.RECORDED, ReplaySpeed::parse),
                args.flag("lockstep", false),
                TransportConfig.fromArgs(args),
                args.nanos("await", 30_000_000_000L),
                args.flag("await-strategy", true),
                args.nanos("linger", 10_000_000_000L),
                args.all("test-drop"));
    }

    /** The feed {@code value} names ({@code NAME=...}), or null when it names none. */
    private static String nameOf(String value, List<String> names) {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            return null;
        }
        String name = value.substring(0, eq);
        return names.contains(name) ? name : null;
    }

    /** Each feed's value of a per-instrument option: its own {@code NAME=VALUE}, else the plain value, else the default. */
    private static <T> Map<String, T> perFeed(
            LiveArgs args, String option, List<String> names, T otherwise, Function<String, T> parse) {
        T all = otherwise;
        Map<String, String> own = new LinkedHashMap<>();
        for (String value : args.all(option)) {
            String name = nameOf(value, names);
            if (name == null) {
                all = parse(option, value, parse);
            } else {
                own.put(name, value.substring(name.length() + 1));
            }
        }
        Map<String, T> out = new LinkedHashMap<>();
        for (String name : names) {
            String value = own.get(name);
            out.put(name, value == null ? all : parse(option, name + "=" + value, v -> parse.apply(value)));
        }
        return out;
    }

    private static <T> T parse(String option, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (RuntimeException e) {
            String quoted = "'" + value + "': ";
            String reason = e.getMessage() == null ? "" : e.getMessage();
            throw new IllegalArgumentException(
                    "--" + option + " " + (reason.startsWith(quoted) ? reason : quoted + reason), e);
        }
    }

    /** Every option in its canonical form, which {@link #fromArgs} reads back as an equal configuration. */
    public List<String> toArgs() {
        LiveArgs.Writer out = new LiveArgs.Writer();
        if (oneFeed()) {
            Feed feed = feeds.get(0);
            out.putAll("data", feed.data());
            feedOptions(out, feed, "");
        } else {
            for (Feed feed : feeds) {
                out.put("feed", feed.name());
            }
            for (Feed feed : feeds) {
                out.putAll(
                        "data",
                        feed.data().stream().map(p -> feed.name() + "=" + p).toList());
                feedOptions(out, feed, feed.name() + "=");
                if (feed.traded() && feeds.stream().anyMatch(f -> !f.traded())) {
                    out.put("venue", feed.name());
                }
            }
        }
        out.put("on-gap", GapSetting.canonical(gapPolicy))
                .put("speed", speed.canonical())
                .put("lockstep", lockstep)
                .put("await", Durations.format(awaitNanos))
                .put("await-strategy", awaitStrategy)
                .put("linger", Durations.format(lingerNanos))
                .putAll("test-drop", testDropMarketData);
        List<String> args = new ArrayList<>(out.build());
        args.addAll(transport.toArgs());
        return args;
    }

    private static void feedOptions(LiveArgs.Writer out, Feed feed, String prefix) {
        SimulatorSettings venue = feed.venue();
        out.put("tick-size", prefix + feed.tickSize())
                .put("lot-size", prefix + feed.lotSize())
                .put("fees", prefix + venue.fees().canonical())
                .put("latency", prefix + venue.latency().canonical())
                .put("queue", prefix + venue.queue().canonical())
                .put("fill", prefix + venue.fill().label())
                .put("exchange-clock", prefix + venue.clock().canonical());
    }
}
