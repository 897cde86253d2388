package io.factorgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.Execution;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.InputHandle;
import io.factorgraph.runtime.graph.OutputHandle;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The generated tick class and the interpreted loop give the same outputs, bit for bit (any NaN
 * equal to any NaN: Java leaves a NaN's sign and payload to the hardware), on random graphs of the
 * standard library fed random streams with NaN, infinities, zeros, spikes and flat stretches.
 */
class ExecutionEquivalenceProperties {
    private static final FgCompiler COMPILER = FgCompiler.standard();

    @Property(tries = 40)
    void generatedAndInterpretedTicksAgree(
            @ForAll @IntRange(min = 1, max = 400) int statements, @ForAll long graphSeed, @ForAll long streamSeed) {
        CompiledGraph graph = COMPILER.compile("random.fg", GeneratedGraphs.source(statements, graphSeed))
                .orElseThrow();
        GraphInstance generated = graph.newInstance(Execution.GENERATED);
        GraphInstance interpreted = graph.newInstance(Execution.INTERPRETED);
        assertEquals(Execution.GENERATED, generated.execution());
        InputHandle x = graph.input("x");
        InputHandle y = graph.input("y");
        List<OutputHandle> outputs = graph.outputs();
        SplittableRandom random = new SplittableRandom(streamSeed);
        double flat = 1.0;
        for (int t = 0; t < 300; t++) {
            double vx = value(random, flat);
            double vy = value(random, flat);
            if (random.nextInt(50) == 0) {
                flat = random.nextDouble(-100, 100);
            }
            for (GraphInstance instance : new GraphInstance[] {generated, interpreted}) {
                instance.set(x, vx);
                instance.set(y, vy);
                instance.onTick(t);
            }
            final int tick = t;
            for (OutputHandle output : outputs) {
                assertEquals(
                        Double.doubleToLongBits(interpreted.value(output)),
                        Double.doubleToLongBits(generated.value(output)),
                        () -> output.name() + " at tick " + tick + " of\n"
                                + GeneratedGraphs.source(statements, graphSeed));
            }
        }
        generated.reset();
        interpreted.reset();
        for (GraphInstance instance : new GraphInstance[] {generated, interpreted}) {
            instance.set(x, 2.0);
            instance.set(y, 3.0);
            instance.onTick(0);
        }
        for (OutputHandle output : outputs) {
            assertEquals(
                    Double.doubleToLongBits(interpreted.value(output)),
                    Double.doubleToLongBits(generated.value(output)),
                    output.name() + " after reset");
        }
    }

    private static double value(SplittableRandom random, double flat) {
        return switch (random.nextInt(20)) {
            case 0 -> Double.NaN;
            case 1 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 2 -> 0.0;
            case 3 -> random.nextDouble(-1e12, 1e12);
            case 4, 5, 6, 7 -> flat;
            default -> flat + random.nextGaussian() * 1e-3;
        };
    }
}
