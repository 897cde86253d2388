package io.factorgraph.live.engine;

import io.factorgraph.live.GraphSpec;
import io.factorgraph.live.launch.LiveArgs;
import io.factorgraph.live.transport.TransportConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * @param graph the graph and its interval
 * @param transport Aeron directory, channels, idle strategy, heartbeats
 * @param warmupTicks ticks after a (re)start or re-sync before the engine reports warm; -1 for {@link
 *     GraphSpec#defaultWarmupTicks} (the largest window of the graph)
 * @param symbol the instrument's name in factor updates
 * @param awaitSubscriberNanos how long to wait for a factor subscriber before reading market data (0: do not wait)
 * @param testDropFactors test hook: factor stream sequence numbers not to send
 */
public record EngineConfig(
        GraphSpec graph,
        TransportConfig transport,
        long warmupTicks,
        String symbol,
        long awaitSubscriberNanos,
        List<String> testDropFactors) {
    public EngineConfig {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(symbol, "symbol");
        testDropFactors = List.copyOf(testDropFactors);
    }

    public static EngineConfig fromArgs(LiveArgs args) {
        return new EngineConfig(
                GraphSpec.fromArgs(args),
                TransportConfig.fromArgs(args),
                args.get("warmup", -1L, Long::parseLong),
                args.get("symbol").orElse("instrument"),
                args.nanos("await", 30_000_000_000L),
                args.all("test-drop"));
    }

    public List<String> toArgs() {
        List<String> out = new ArrayList<>(graph.toArgs());
        out.addAll(transport.toArgs());
        out.addAll(new LiveArgs.Writer()
                .put("warmup", warmupTicks >= 0 ? warmupTicks : null)
                .put("symbol", symbol)
                .put("await", awaitSubscriberNanos + "ns")
                .putAll("test-drop", testDropFactors)
                .build());
        return out;
    }
}
