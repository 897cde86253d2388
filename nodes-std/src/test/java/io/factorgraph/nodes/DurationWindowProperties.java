package io.factorgraph.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.testkit.harness.NodeCheck;
import io.factorgraph.testkit.harness.Tolerance;
import io.factorgraph.testkit.streams.BatchReference;
import io.factorgraph.testkit.streams.Streams;
import io.factorgraph.testkit.streams.TimedStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every duration-windowed node (docs/DESIGN.md §11), through the compiler and the runtime, held to the naive batch
 * reference over the samples whose time lies in {@code (t - D, t]}, on irregular and adversarial timestamps: bursts
 * of equal times, silences longer than the window, NaN runs, and the value generators of §4's properties. And the
 * contract that makes the two forms one: on a regular clock a window of {@code k} intervals equals the window of
 * {@code k} ticks to the bit.
 */
class DurationWindowProperties {
    private static final long SECOND = 1_000_000_000L;

    @Provide
    Arbitrary<TimedStream> timed() {
        return Arbitraries.oneOf(
                Streams.timed(),
                Streams.timed(Streams.withNaNBursts()),
                Streams.timed(Streams.constantRuns()),
                Streams.timed(Streams.largeOffsets()),
                Streams.timed(Streams.withSpikes()));
    }

    /** Spans from below the smallest gap to above the longest burst of short gaps. */
    @Provide
    Arbitrary<String> spans() {
        return Arbitraries.of("1us", "50ms", "500ms", "3s", "60s");
    }

    @Provide
    Arbitrary<double[]> values() {
        return Arbitraries.oneOf(Streams.adversarial(), Streams.withNaNBursts(), Streams.largeOffsets());
    }

    /** A count-window reference of §4 ({@link BatchReference#mean} and the like): value at tick t over w ticks. */
    @FunctionalInterface
    interface CountWindowReference {
        double at(double[] xs, int t, int w);
    }

    /** {@code function(x, span)} against {@code reference} over the ticks of {@code (t - span, t]}. */
    private static void check(
            String function, String span, CountWindowReference reference, Tolerance tolerance, TimedStream stream) {
        long d = nanos(span);
        NodeCheck.of(function + "(x, " + span + ")")
                .against((ts, xs, t) -> reference.at(xs, t, BatchReference.ticksWithin(ts, t, d)))
                .within(tolerance)
                .check(stream.times(), stream.values());
    }

    @Property(tries = 120)
    void rollingMeanAndSum(@ForAll("timed") TimedStream stream, @ForAll("spans") String span) {
        check("rolling_mean", span, BatchReference::mean, Tolerance.relativeToData(1e-12), stream);
        check("rolling_sum", span, BatchReference::sum, Tolerance.relativeToData(1e-12), stream);
    }

    @Property(tries = 120)
    void rollingStd(@ForAll("timed") TimedStream stream, @ForAll("spans") String span) {
        check("rolling_std", span, BatchReference::std, StandardLibraryProperties.STD, stream);
    }

    @Property(tries = 120)
    void zscore(@ForAll("timed") TimedStream stream, @ForAll("spans") String span) {
        check(
                "zscore",
                span,
                (xs, t, w) -> {
                    double std = BatchReference.std(xs, t, w);
                    return std > 1e-10 ? (xs[t] - BatchReference.mean(xs, t, w)) / std : 0.0;
                },
                (expected, actual, scale) -> StandardLibraryProperties.zscoreClose(expected, actual),
                stream);
    }

    @Property(tries = 120)
    void rollingMinAndMaxAreExact(@ForAll("timed") TimedStream stream, @ForAll("spans") String span) {
        check("rolling_min", span, BatchReference::min, Tolerance.exact(), stream);
        check("rolling_max", span, BatchReference::max, Tolerance.exact(), stream);
    }

    @Property(tries = 120)
    void volatilityUsesTheChangesWhoseTimeIsInTheWindow(
            @ForAll("timed") TimedStream stream, @ForAll("spans") String span) {
        long d = nanos(span);
        NodeCheck.of("volatility(x, " + span + ")")
                .against((ts, xs, t) -> {
                    if (t == 0) {
                        return 0.0;
                    }
                    // The change ending at tick i (i >= 1) belongs to time ts[i].
                    double[] changes = new double[t];
                    long[] changeTimes = new long[t];
                    for (int i = 1; i <= t; i++) {
                        changes[i - 1] = xs[i] / xs[i - 1] - 1.0;
                        changeTimes[i - 1] = ts[i];
                    }
                    return BatchReference.std(changes, t - 1, BatchReference.ticksWithin(changeTimes, t - 1, d));
                })
                .within(StandardLibraryProperties.STD)
                .check(stream.times(), stream.values());
    }

    @Property(tries = 100)
    void ewmHalflifeDecaysByElapsedTime(@ForAll("timed") TimedStream stream, @ForAll("spans") String halflife) {
        long h = nanos(halflife);
        NodeCheck.of("ewm_mean_halflife(x, " + halflife + ")")
                .against((ts, xs, t) -> BatchReference.ewmMeanElapsed(ts, xs, t, h))
                .within(Tolerance.relativeToData(1e-11))
                .check(stream.times(), stream.values());
        NodeCheck.of("ewm_std_halflife(x, " + halflife + ")")
                .against((ts, xs, t) -> BatchReference.ewmStdElapsed(ts, xs, t, h))
                .within(ELAPSED_STD)
                .check(stream.times(), stream.values());
    }

    /**
     * The recurrence's variance is accurate to about {@code 2u/a} of itself, and a decay by elapsed time makes
     * {@code a} as small as {@code Δt/h} (1us against 60s: {@code 1e-8}), and rounds {@code 1 - a} to 0 after a
     * silence of 53 half-lives; so: within 1e-9 of the std, or 1e-15 of the data's scale (§4 asks 1e-9 of it).
     */
    private static final Tolerance ELAPSED_STD = (expected, actual, scale) -> Double.isNaN(expected)
            ? Double.isNaN(actual)
            : Math.abs(actual - expected) <= 1e-9 * expected + 1e-15 * scale + 1e-140;

    /**
     * §11: "a 60s window on a 100ms clock equals the 600-tick window to the bit", for every windowed node. A
     * half-life in time equals the one in ticks only where no NaN is skipped (a NaN tick does not decay the count
     * form, while time goes on), so the EWMs are compared on the stream with its NaNs made 0.
     */
    @Property(tries = 60)
    void aDurationOfKIntervalsOnAClockIsTheKTickWindowToTheBit(@ForAll("values") double[] values) {
        long interval = 100_000_000L;
        for (String function : List.of(
                "rolling_mean",
                "rolling_std",
                "rolling_sum",
                "rolling_min",
                "rolling_max",
                "zscore",
                "volatility",
                "ewm_mean_halflife",
                "ewm_std_halflife")) {
            double[] xs = values.clone();
            if (function.startsWith("ewm")) {
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = Double.isNaN(xs[i]) ? 0.0 : xs[i];
                }
            }
            assertSameBits(
                    function, Streams.clocked(Arbitraries.just(xs), interval).sample());
        }
    }

    private static void assertSameBits(String function, TimedStream clocked) {
        double[] xs = clocked.values();
        {
            for (int[] pair : new int[][] {{600, 60}, {7, 0}, {1, 0}}) {
                int ticks = pair[0];
                String duration = pair[1] > 0 ? pair[1] + "s" : (ticks * 100) + "ms";
                double[] byCount = run(function + "(x, " + ticks + ")", clocked);
                double[] byTime = run(function + "(x, " + duration + ")", clocked);
                for (int t = 0; t < xs.length; t++) {
                    int tick = t;
                    assertEquals(
                            Double.doubleToRawLongBits(byCount[t]),
                            Double.doubleToRawLongBits(byTime[t]),
                            () -> function + " at tick " + tick + ": " + ticks + " ticks vs " + duration);
                }
            }
        }
    }

    private static double[] run(String expression, TimedStream stream) {
        CompiledGraph graph = FgCompiler.standard()
                .compile("<t>", "input x: double\nclock every 100ms\ny = " + expression + "\noutput y\n")
                .graph()
                .orElseThrow();
        GraphInstance instance = graph.newInstance();
        long[] times = stream.times();
        double[] xs = stream.values();
        double[] out = new double[xs.length];
        for (int t = 0; t < xs.length; t++) {
            instance.set(graph.input("x"), xs[t]);
            instance.onTick(times[t]);
            out[t] = instance.value(graph.output("y"));
        }
        return out;
    }

    static long nanos(String span) {
        if (span.endsWith("us")) {
            return Long.parseLong(span.substring(0, span.length() - 2)) * 1_000L;
        }
        if (span.endsWith("ms")) {
            return Long.parseLong(span.substring(0, span.length() - 2)) * 1_000_000L;
        }
        return Long.parseLong(span.substring(0, span.length() - 1)) * SECOND;
    }
}
