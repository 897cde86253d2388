package io.factorgraph.live.strategy;

import io.factorgraph.live.GraphSpec;
import io.factorgraph.live.launch.Durations;
import io.factorgraph.live.launch.LiveArgs;
import io.factorgraph.live.transport.TransportConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * @param graph the graph whose sink runs here (compiled for its sink and to check the engine runs the same graph)
 * @param transport Aeron directory, channels, idle strategy, heartbeats, peer timeout
 * @param lotSize the instrument's quantity step (the venue's); of every instrument without one of its own
 * @param staleAfterNanos wall time without a factor update after which every quote is cancelled
 * @param lockstep before each tick, move the venue's clock to the tick and wait for its reports (parity tests)
 * @param ordersLog where to write every order the sink sends (CSV), or null; with several sinks each writes its own,
 *     {@code orders.NAME.csv} beside it for {@code orders.csv} (NAME the book it trades)
 * @param summaryFile where to write the summary as well as to standard output, or null
 * @param testDropOrders test hook: order stream sequence numbers not to send
 * @param lotSizes the quantity step of each instrument that has its own, by the name of its {@code Book} input
 */
public record StrategyConfig(
        GraphSpec graph,
        TransportConfig transport,
        double lotSize,
        long staleAfterNanos,
        boolean lockstep,
        Path ordersLog,
        Path summaryFile,
        List<String> testDropOrders,
        Map<String, Double> lotSizes) {
    public StrategyConfig {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(transport, "transport");
        testDropOrders = List.copyOf(testDropOrders);
        lotSizes = Collections.unmodifiableMap(new LinkedHashMap<>(lotSizes));
        if (staleAfterNanos <= 0) {
            throw new IllegalArgumentException("--stale-after must be > 0");
        }
    }

    /** A strategy whose instruments all have the quantity step {@code lotSize}. */
    public StrategyConfig(
            GraphSpec graph,
            TransportConfig transport,
            double lotSize,
            long staleAfterNanos,
            boolean lockstep,
            Path ordersLog,
            Path summaryFile,
            List<String> testDropOrders) {
        this(graph, transport, lotSize, staleAfterNanos, lockstep, ordersLog, summaryFile, testDropOrders, Map.of());
    }

    /** The quantity step of the instrument of {@code Book} input {@code book}. */
    public double lotSize(String book) {
        return lotSizes.getOrDefault(book, lotSize);
    }

    /**
     * The orders log of the sink trading {@code book}: {@link #ordersLog} itself with one sink, else {@code
     * orders.BOOK.csv} beside it for {@code orders.csv}; null when there is none.
     */
    public Path ordersLog(String book, int sinks) {
        if (ordersLog == null || sinks <= 1) {
            return ordersLog;
        }
        String name = String.valueOf(ordersLog.getFileName());
        int dot = name.lastIndexOf('.');
        String own = dot > 0 ? name.substring(0, dot) + "." + book + name.substring(dot) : name + "." + book;
        return ordersLog.resolveSibling(own);
    }

    public static StrategyConfig fromArgs(LiveArgs args) {
        double lotSize = 0.001;
        Map<String, Double> lotSizes = new LinkedHashMap<>();
        for (String value : args.all("lot-size")) {
            int eq = value.indexOf('=');
            String name = eq > 0 ? value.substring(0, eq) : null;
            String number = eq > 0 ? value.substring(eq + 1) : value;
            double parsed;
            try {
                parsed = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--lot-size '" + value + "': expected a number or NAME=NUMBER", e);
            }
            if (name == null) {
                lotSize = parsed;
            } else {
                lotSizes.put(name, parsed);
            }
        }
        return new StrategyConfig(
                GraphSpec.fromArgs(args),
                TransportConfig.fromArgs(args),
                lotSize,
                args.nanos("stale-after", 1_000_000_000L),
                args.flag("lockstep", false),
                args.get("orders-log").map(Path::of).orElse(null),
                args.get("summary-file").map(Path::of).orElse(null),
                args.all("test-drop"),
                lotSizes);
    }

    public List<String> toArgs() {
        List<String> out = new ArrayList<>(graph.toArgs());
        out.addAll(transport.toArgs());
        out.addAll(new LiveArgs.Writer()
                .put("lot-size", lotSize)
                .putAll(
                        "lot-size",
                        lotSizes.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .toList())
                .put("stale-after", Durations.format(staleAfterNanos))
                .put("lockstep", lockstep)
                .put("orders-log", ordersLog)
                .put("summary-file", summaryFile)
                .putAll("test-drop", testDropOrders)
                .build());
        return out;
    }
}
