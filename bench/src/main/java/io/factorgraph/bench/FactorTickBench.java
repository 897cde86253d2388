package io.factorgraph.bench;

import io.factorgraph.bench.baseline.HandFusedObiMm;
import io.factorgraph.bench.baseline.NaiveFusedFactors;
import io.factorgraph.bench.baseline.WindowRecompute;
import io.factorgraph.bench.data.BenchData;
import io.factorgraph.bench.data.RecordedTicks;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.Execution;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.InputHandle;
import io.factorgraph.runtime.graph.OutputHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The factor part of {@code obi_mm} per tick, on the OBI and mid series of a real feed fed in as
 * {@code input} doubles: {@code zscore(obi, W)}, {@code change(mid)}, {@code volatility(mid, W)},
 * {@code stop_loss}. No book: this is where the framework's own overhead (slot array, a call per
 * node) is largest relative to the work, so it is the honest place to compare with the hand-fused loop.
 * One op = one tick (set the two inputs, compute, read the three outputs).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FactorTickBench {
    @Param({"60", "600", "6000"})
    public int window;

    @Param(BenchData.DEFAULT_FILE)
    public String data;

    private double[] obi;
    private double[] mid;
    private int i;

    private GraphInstance instance;
    private GraphInstance interpreted;
    private InputHandle obiIn;
    private InputHandle midIn;
    private OutputHandle alpha;
    private OutputHandle vol;
    private OutputHandle stop;
    private HandFusedObiMm fused;
    private NaiveFusedFactors naive;
    private WindowRecompute recompute;

    @Setup
    public void setUp() {
        RecordedTicks ticks = RecordedTicks.of(data, ObiMmGraphs.DEPTH);
        obi = new double[ticks.ticks()];
        mid = new double[ticks.ticks()];
        for (int k = 0; k < obi.length; k++) {
            obi[k] = ticks.obi(k);
            mid[k] = ticks.mid(k);
        }
        CompiledGraph graph = ObiMmGraphs.compile("obi_mm_series.fg", ObiMmGraphs.OBI_MM_FACTORS_ON_SERIES, window);
        instance = graph.newInstance(Execution.GENERATED);
        interpreted = graph.newInstance(Execution.INTERPRETED);
        obiIn = graph.input("obi");
        midIn = graph.input("mid");
        alpha = graph.output("alpha");
        vol = graph.output("vol");
        stop = graph.output("stop");
        fused = new HandFusedObiMm(window);
        naive = new NaiveFusedFactors(window);
        recompute = new WindowRecompute(window);
        // Start every variant with full windows, so no variant is measured while it warms up.
        for (int k = 0; k < 2 * window + 1; k++) {
            graph();
            graphInterpreted();
            handFused();
            naiveFused();
            recompute();
        }
    }

    private int next() {
        final int k = i + 1;
        i = k == obi.length ? 0 : k;
        return i;
    }

    /** The compiled graph, run by its generated tick class (the default). */
    @Benchmark
    public double graph() {
        return tick(instance);
    }

    /** The compiled graph, run by the loop over its node array. */
    @Benchmark
    public double graphInterpreted() {
        return tick(interpreted);
    }

    private double tick(GraphInstance instance) {
        final int k = next();
        instance.set(obiIn, obi[k]);
        instance.set(midIn, mid[k]);
        instance.onTick(k);
        return instance.value(alpha) + instance.value(vol) + instance.value(stop);
    }

    /** The same arithmetic, hand-fused: the practical limit. */
    @Benchmark
    public double handFused() {
        final int k = next();
        final HandFusedObiMm f = fused;
        f.onFactors(obi[k], mid[k]);
        return f.alpha + f.vol + f.stop;
    }

    /** The seed's sum/sum-of-squares statistics, hand-fused: cheapest O(1) arithmetic, not accurate. */
    @Benchmark
    public double naiveFused() {
        final int k = next();
        final NaiveFusedFactors f = naive;
        f.onFactors(obi[k], mid[k]);
        return f.alpha + f.vol + f.stop;
    }

    /** nanmean/nanstd over the window every tick: what the seed does, O(W). */
    @Benchmark
    public double recompute() {
        final int k = next();
        final WindowRecompute r = recompute;
        r.onFactors(obi[k], mid[k]);
        return r.alpha + r.vol + r.stop;
    }
}
