package io.factorgraph.live;

import io.factorgraph.live.launch.Durations;
import io.factorgraph.live.launch.LiveArgs;
import io.factorgraph.runtime.compile.CompileResult;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.compile.ParamOverride;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.runtime.plan.PlanNode;
import io.factorgraph.runtime.spi.Constant;
import io.factorgraph.runtime.spi.ConstantKind;
import io.factorgraph.runtime.spi.Parameter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The graph a live process runs: a {@code .fg} file, its {@code --param} overrides and the sampling interval. The
 * engine and the strategy compile the same spec; the {@link #fingerprint} of what they compiled travels in every factor
 * update, so a strategy never reads the values of another graph.
 *
 * @param file the {@code .fg} file
 * @param params {@code NAME=VALUE} overrides, in order
 * @param intervalNanos the sampling interval, overriding the file's {@code clock every}; -1 for the file's (or every
 *     book change without one)
 */
public record GraphSpec(Path file, List<String> params, long intervalNanos) {
    public GraphSpec {
        params = List.copyOf(params);
    }

    /**
     * Compiles the file.
     *
     * @throws IllegalArgumentException with the rendered diagnostics when it does not compile
     */
    public CompiledGraph compile() {
        List<ParamOverride> overrides = new ArrayList<>();
        for (String p : params) {
            overrides.add(ParamOverride.parse(p));
        }
        CompileResult result;
        try {
            result = FgCompiler.standard().compile(file, overrides);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read '" + file + "': " + e.getMessage(), e);
        }
        return result.graph()
                .orElseThrow(() -> new IllegalArgumentException(file + " does not compile:\n" + result.render()));
    }

    /** The sampling interval: {@code --interval}, else the file's clock, else 0 (every book change). */
    public long interval(CompiledGraph graph) {
        return intervalNanos >= 0 ? intervalNanos : graph.clockNanos().orElse(0);
    }

    /**
     * The default warm-up, in ticks: the largest whole-number constant argument of the graph's nodes (window lengths,
     * spans, lags; 600 for {@code zscore(obi, 600)}), so that every window has filled once; 0 for a graph without one.
     * The sink's own constants do not count.
     */
    public static long defaultWarmupTicks(CompiledGraph graph) {
        long warmup = 0;
        for (PlanNode.Function node : graph.plan().functionNodes()) {
            for (Parameter parameter : node.function().signature().parameters()) {
                if (parameter instanceof Parameter.Const c
                        && (c.kind() == ConstantKind.INTEGER || c.kind() == ConstantKind.WINDOW)
                        && node.constants().get(c.name()) instanceof Constant.Number(double value)
                        && value > warmup
                        && value < 1e12) {
                    warmup = (long) value;
                }
            }
        }
        return warmup;
    }

    /**
     * A fingerprint of what a factor update carries for this graph: the output names, the sink function, the number of
     * sink arguments and the final param values (FNV-1a over their text).
     */
    public static long fingerprint(CompiledGraph graph) {
        StringBuilder text = new StringBuilder();
        for (OutputHandle output : graph.outputs()) {
            text.append(output.name()).append(',');
        }
        for (SinkBinding s : graph.sinks()) {
            text.append("|sink=")
                    .append(s.function().signature().name())
                    .append('/')
                    .append(s.argumentSlots().size());
        }
        if (graph.books().size() > 1) {
            text.append("|books=").append(String.join(",", graph.books().keySet()));
        }
        for (Map.Entry<String, Constant> param : graph.plan().params().entrySet()) {
            text.append('|').append(param.getKey()).append('=').append(param.getValue());
        }
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.toString().getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /**
     * The slots of every sink's stream arguments, the sinks in source order and each one's in its declaration's order:
     * what a factor update carries as its sink arguments. A sink's own start in it is {@link #sinkArgumentOffset}.
     */
    public static int[] sinkArgumentSlots(CompiledGraph graph) {
        return graph.sinks().stream()
                .flatMap(s -> s.argumentSlots().stream())
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** Where sink {@code sink}'s arguments start among {@link #sinkArgumentSlots}. */
    public static int sinkArgumentOffset(CompiledGraph graph, int sink) {
        int offset = 0;
        for (int i = 0; i < sink; i++) {
            offset += graph.sinks().get(i).argumentSlots().size();
        }
        return offset;
    }

    /** The index of the book sink {@code binding} trades: its {@code book =}, else the graph's only (first) book. */
    public static int tradedBook(SinkBinding binding) {
        return binding.tradedBook().map(b -> b.index()).orElse(0);
    }

    public static GraphSpec fromArgs(LiveArgs args) {
        return new GraphSpec(
                Path.of(args.required("graph")),
                args.all("param"),
                args.get("interval").map(Durations::parse).orElse(-1L));
    }

    public List<String> toArgs() {
        return new LiveArgs.Writer()
                .put("graph", file)
                .putAll("param", params)
                .put("interval", intervalNanos >= 0 ? Durations.format(intervalNanos) : null)
                .build();
    }
}
