package io.factorgraph.live.connector;

import io.factorgraph.backtest.exchange.ConstantLatency;
import io.factorgraph.backtest.exchange.FillMode;
import io.factorgraph.backtest.exchange.InterpolatedLatency;
import io.factorgraph.backtest.exchange.LatencyModel;
import io.factorgraph.backtest.exchange.QueueModel;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.live.launch.Durations;
import io.factorgraph.live.launch.LiveArgs;
import io.factorgraph.live.transport.TransportConfig;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.dsl.parse.Literals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * @param data the recorded feed files, in order
 * @param gapPolicy what a sequence gap in the recorded feed does
 * @param speed replay speed against the wall clock (1 = as recorded); {@link Double#POSITIVE_INFINITY} for as fast as
 *     the engine takes it
 * @param lockstep the venue's clock follows the strategy's ticks ({@code ClockAdvance}) instead of the replay: with
 *     zero latency the orders reach the venue at their tick's time, as in a backtest (for parity tests)
 * @param tickSize the instrument's price step (the sink's {@code tick_size})
 * @param lotSize the instrument's quantity step
 * @param fees maker and taker fee fractions, {@code MAKER,TAKER}
 * @param latency order latency: a duration each way, or a latency file
 * @param queue the queue model ({@code risk-averse}, {@code power:3}, ...)
 * @param fill {@code no-partial} or {@code partial}
 * @param transport Aeron directory, channels, idle strategy, heartbeats
 * @param awaitNanos how long to wait for the engine (and a strategy, when {@code awaitStrategy}) to subscribe
 * @param awaitStrategy whether to wait for a strategy before replaying
 * @param lingerNanos after the data, how long to wait for the strategy to say it is done
 * @param testDropMarketData test hook: market data sequence numbers not to send
 */
public record ConnectorConfig(List<Path> data, GapPolicy gapPolicy, double speed, boolean lockstep, double tickSize,
        double lotSize, String fees, String latency, String queue, String fill, TransportConfig transport,
        long awaitNanos, boolean awaitStrategy, long lingerNanos, List<String> testDropMarketData) {

    public ConnectorConfig {
        data = List.copyOf(data);
        testDropMarketData = List.copyOf(testDropMarketData);
        Objects.requireNonNull(transport, "transport");
        if (data.isEmpty()) {
            throw new IllegalArgumentException("--data: give the recorded feed to replay");
        }
        if (!(speed > 0)) {
            throw new IllegalArgumentException("--speed must be > 0 (or max), was " + speed);
        }
    }

    /** The simulated venue: the backtest's exchange simulator with these options. */
    public SimulatorConfig simulatorConfig() throws MarketDataException {
        String[] parts = fees.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("--fees '" + fees + "': expected MAKER,TAKER such as 0.0002,0.0005");
        }
        return SimulatorConfig.of(tickSize, lotSize)
                .withFees(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()))
                .withLatency(latencyModel())
                .withQueueModel(QueueModel.parse(queue))
                .withFillMode(switch (fill.toLowerCase(Locale.ROOT)) {
                    case "no-partial" -> FillMode.NO_PARTIAL;
                    case "partial" -> FillMode.PARTIAL;
                    default -> throw new IllegalArgumentException("--fill '" + fill + "': expected no-partial or partial");
                });
    }

    private LatencyModel latencyModel() throws MarketDataException {
        var nanos = Literals.duration(latency);
        if (nanos.isPresent()) {
            return new ConstantLatency(nanos.getAsLong(), nanos.getAsLong());
        }
        return InterpolatedLatency.load(Path.of(latency));
    }

    public static double parseSpeed(String text) {
        if (text.equalsIgnoreCase("max")) {
            return Double.POSITIVE_INFINITY;
        }
        String t = text.toLowerCase(Locale.ROOT).endsWith("x") ? text.substring(0, text.length() - 1) : text;
        double v = Double.parseDouble(t);
        if (!(v > 0) || Double.isNaN(v)) {
            throw new IllegalArgumentException("expected a speed > 0 such as 1, 10 or max");
        }
        return v;
    }

    public static ConnectorConfig fromArgs(LiveArgs args) {
        List<Path> data = args.all("data").stream().map(Path::of).toList();
        GapPolicy policy = args.get("on-gap", GapPolicy.FAIL, v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "fail" -> GapPolicy.FAIL;
            case "resync" -> GapPolicy.RESYNC;
            default -> throw new IllegalArgumentException("expected fail or resync");
        });
        return new ConnectorConfig(data, policy, args.get("speed", 1.0, ConnectorConfig::parseSpeed),
                args.flag("lockstep", false), args.get("tick-size", 0.1, Double::parseDouble),
                args.get("lot-size", 0.001, Double::parseDouble), args.get("fees").orElse("0.0002,0.0005"),
                args.get("latency").orElse("0ms"), args.get("queue").orElse("risk-averse"),
                args.get("fill").orElse("no-partial"), TransportConfig.fromArgs(args),
                args.nanos("await", 30_000_000_000L), args.flag("await-strategy", true),
                args.nanos("linger", 10_000_000_000L), args.all("test-drop"));
    }

    public List<String> toArgs() {
        List<String> out = new ArrayList<>();
        out.addAll(new LiveArgs.Writer()
                .putAll("data", data)
                .put("on-gap", gapPolicy.name().toLowerCase(Locale.ROOT))
                .put("speed", Double.isInfinite(speed) ? "max" : Double.toString(speed))
                .put("lockstep", lockstep)
                .put("tick-size", tickSize)
                .put("lot-size", lotSize)
                .put("fees", fees)
                .put("latency", latency)
                .put("queue", queue)
                .put("fill", fill)
                .put("await", Durations.format(awaitNanos))
                .put("await-strategy", awaitStrategy)
                .put("linger", Durations.format(lingerNanos))
                .putAll("test-drop", testDropMarketData)
                .build());
        out.addAll(transport.toArgs());
        return out;
    }
}
