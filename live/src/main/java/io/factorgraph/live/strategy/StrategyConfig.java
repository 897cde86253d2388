package io.factorgraph.live.strategy;

import io.factorgraph.live.GraphSpec;
import io.factorgraph.live.launch.Durations;
import io.factorgraph.live.launch.LiveArgs;
import io.factorgraph.live.transport.TransportConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * @param graph the graph whose sink runs here (compiled for its sink and to check the engine runs the same graph)
 * @param transport Aeron directory, channels, idle strategy, heartbeats, peer timeout
 * @param lotSize the instrument's quantity step (the venue's)
 * @param staleAfterNanos wall time without a factor update after which every quote is cancelled
 * @param lockstep before each tick, move the venue's clock to the tick and wait for its reports (parity tests)
 * @param ordersLog where to write every order the sink sends (CSV), or null
 * @param summaryFile where to write the summary as well as to standard output, or null
 * @param testDropOrders test hook: order stream sequence numbers not to send
 */
public record StrategyConfig(
        GraphSpec graph,
        TransportConfig transport,
        double lotSize,
        long staleAfterNanos,
        boolean lockstep,
        Path ordersLog,
        Path summaryFile,
        List<String> testDropOrders) {
    public StrategyConfig {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(transport, "transport");
        testDropOrders = List.copyOf(testDropOrders);
        if (staleAfterNanos <= 0) {
            throw new IllegalArgumentException("--stale-after must be > 0");
        }
    }

    public static StrategyConfig fromArgs(LiveArgs args) {
        return new StrategyConfig(
                GraphSpec.fromArgs(args),
                TransportConfig.fromArgs(args),
                args.get("lot-size", 0.001, Double::parseDouble),
                args.nanos("stale-after", 1_000_000_000L),
                args.flag("lockstep", false),
                args.get("orders-log").map(Path::of).orElse(null),
                args.get("summary-file").map(Path::of).orElse(null),
                args.all("test-drop"));
    }

    public List<String> toArgs() {
        List<String> out = new ArrayList<>(graph.toArgs());
        out.addAll(transport.toArgs());
        out.addAll(new LiveArgs.Writer()
                .put("lot-size", lotSize)
                .put("stale-after", Durations.format(staleAfterNanos))
                .put("lockstep", lockstep)
                .put("orders-log", ordersLog)
                .put("summary-file", summaryFile)
                .putAll("test-drop", testDropOrders)
                .build());
        return out;
    }
}
