package io.factorgraph.examples;

import io.factorgraph.runtime.column.DoubleColumn;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.compile.ParamOverride;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.embed.Replay;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.InputHandle;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Embedding a graph in a Java program: compile once (with a run-time param), make an instance,
 * then per tick set the inputs, tick, and read the outputs through handles resolved up front.
 */
public final class EmbeddingExample {
    private EmbeddingExample() {}

    /** Runs {@code examples/basics.fg} with {@code k = 2} over some prices; returns each tick's momentum. */
    public static double[] momentum(Path graphFile, double[] prices) throws IOException {
        CompiledGraph graph = FgCompiler.standard()
                .compile(graphFile, List.of(new ParamOverride("k", "2")))
                .orElseThrow();
        GraphInstance instance = graph.newInstance();
        InputHandle price = graph.input("price");
        OutputHandle momentum = graph.output("momentum");
        double[] out = new double[prices.length];
        for (int i = 0; i < prices.length; i++) {
            instance.set(price, prices[i]);
            instance.onTick(i * 1_000_000L);
            out[i] = instance.value(momentum);
        }
        return out;
    }

    /**
     * Replays recorded files through a graph of two books ({@code examples/basis_mm.fg}): each {@code Book} input is
     * fed by name, the feeds merged on the local clock; returns the {@code basis} output at every tick.
     */
    public static double[] basis(Path graphFile, List<Path> perp, List<Path> spot)
            throws IOException, MarketDataException {
        CompiledGraph graph =
                FgCompiler.standard().compile(graphFile, List.of()).orElseThrow();
        int basis = graph.outputs().indexOf(graph.output("basis"));
        DoubleColumn out = new DoubleColumn();
        try (ReplayFactorProvider replay =
                Replay.builder(graph).feed("perp", perp).feed("spot", spot).open()) {
            while (replay.next()) {
                out.add(replay.current().value(basis));
            }
        }
        return out.toArray();
    }

    public static void main(String[] args) throws IOException {
        double[] prices = {100.0, 100.5, 101.25, 100.75, 102.0};
        double[] momentum = momentum(Path.of(args.length > 0 ? args[0] : "examples/basics.fg"), prices);
        for (int i = 0; i < prices.length; i++) {
            System.out.printf("price %.2f  momentum(2) %s%n", prices[i], momentum[i]);
        }
    }
}
