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
import java.util.List;
import java.util.Objects;

/**
 * @param data the recorded feed files, in order
 * @param gapPolicy what a sequence gap in the recorded feed does
 * @param speed replay speed against the wall clock
 * @param lockstep the venue's clock follows the strategy's ticks ({@code ClockAdvance}) instead of the replay: with
 *     zero latency the orders reach the venue at their tick's time, as in a backtest (for parity tests)
 * @param tickSize the instrument's price step (the sink's {@code tick_size})
 * @param lotSize the instrument's quantity step
 * @param venue the paper venue's latency, fees, queue model and fill mode, as {@code fg backtest} takes them
 * @param transport Aeron directory, channels, idle strategy, heartbeats
 * @param awaitNanos how long to wait for the engine (and a strategy, when {@code awaitStrategy}) to subscribe
 * @param awaitStrategy whether to wait for a strategy before replaying
 * @param lingerNanos after the data, how long to wait for the strategy to say it is done
 * @param testDropMarketData test hook: market data sequence numbers not to send
 */
public record ConnectorConfig(
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

    public ConnectorConfig {
        data = List.copyOf(data);
        testDropMarketData = List.copyOf(testDropMarketData);
        Objects.requireNonNull(gapPolicy, "gapPolicy");
        Objects.requireNonNull(speed, "speed");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(transport, "transport");
        if (data.isEmpty()) {
            throw new IllegalArgumentException("--data: give the recorded feed to replay");
        }
    }

    /** The simulated venue: the backtest's exchange simulator with these options (a latency file is read now). */
    public SimulatorConfig simulatorConfig() throws MarketDataException {
        return venue.config(tickSize, lotSize);
    }

    public static ConnectorConfig fromArgs(LiveArgs args) {
        List<Path> data = args.all("data").stream().map(Path::of).toList();
        SimulatorSettings defaults = SimulatorSettings.DEFAULTS;
        SimulatorSettings venue = new SimulatorSettings(
                args.get("latency", defaults.latency(), LatencySetting::parse),
                args.get("fees", defaults.fees(), FeeSchedule::parse),
                args.get("queue", defaults.queue(), QueueSetting::parse),
                args.get("fill", defaults.fill(), FillMode::parse),
                args.get("exchange-clock", defaults.clock(), ExchangeClock::parse));
        return new ConnectorConfig(
                data,
                args.get("on-gap", GapPolicy.FAIL, GapSetting::parse),
                args.get("speed", ReplaySpeed.RECORDED, ReplaySpeed::parse),
                args.flag("lockstep", false),
                args.get("tick-size", 0.1, Double::parseDouble),
                args.get("lot-size", 0.001, Double::parseDouble),
                venue,
                TransportConfig.fromArgs(args),
                args.nanos("await", 30_000_000_000L),
                args.flag("await-strategy", true),
                args.nanos("linger", 10_000_000_000L),
                args.all("test-drop"));
    }

    /** Every option in its canonical form, which {@link #fromArgs} reads back as an equal configuration. */
    public List<String> toArgs() {
        List<String> out = new ArrayList<>();
        out.addAll(new LiveArgs.Writer()
                .putAll("data", data)
                .put("on-gap", GapSetting.canonical(gapPolicy))
                .put("speed", speed.canonical())
                .put("lockstep", lockstep)
                .put("tick-size", tickSize)
                .put("lot-size", lotSize)
                .put("fees", venue.fees().canonical())
                .put("latency", venue.latency().canonical())
                .put("queue", venue.queue().canonical())
                .put("fill", venue.fill().label())
                .put("exchange-clock", venue.clock().canonical())
                .put("await", Durations.format(awaitNanos))
                .put("await-strategy", awaitStrategy)
                .put("linger", Durations.format(lingerNanos))
                .putAll("test-drop", testDropMarketData)
                .build());
        out.addAll(transport.toArgs());
        return out;
    }
}
