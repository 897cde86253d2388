package io.factorgraph.examples.custom;

import io.factorgraph.testkit.harness.NodeCheck;
import io.factorgraph.testkit.harness.Tolerance;
import io.factorgraph.testkit.streams.BatchReference;
import io.factorgraph.testkit.streams.Streams;
import io.factorgraph.testkit.streams.TimedStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The custom node held to its textbook definition with the testkit: what a user's own test looks like. */
class RelativeStrengthProperties {
    @Provide
    Arbitrary<double[]> prices() {
        return Streams.adversarial();
    }

    private static final Tolerance CLOSE =
            (expected, actual, scale) -> Math.abs(expected - actual) <= 1e-6 * Math.max(1, Math.abs(expected))
                    || (Double.isNaN(expected) && Double.isNaN(actual));

    @Property(tries = 200)
    void rsiMatchesItsDefinition(@ForAll("prices") double[] xs, @ForAll @IntRange(min = 1, max = 40) int w) {
        NodeCheck.of("rsi(x, " + w + ")")
                .against((s, t) -> rsi(s, t, w))
                .within(CLOSE)
                .check(xs);
    }

    /** The same node with a window in time, on irregular timestamps: the test a user writes for that form. */
    @Property(tries = 100)
    void rsiOverADurationMatchesItsDefinition(
            @ForAll("timedPrices") TimedStream prices, @ForAll @IntRange(min = 1, max = 30) int seconds) {
        NodeCheck.of("rsi(x, " + seconds + "s)")
                .against((times, s, t) -> rsi(s, t, BatchReference.ticksWithin(times, t, seconds * 1_000_000_000L)))
                .within(CLOSE)
                .check(prices.times(), prices.values());
    }

    @Provide
    Arbitrary<TimedStream> timedPrices() {
        return Streams.timed();
    }

    /** RSI of the moves ending at the last {@code w} ticks up to {@code t} (the first tick has no move). */
    private static double rsi(double[] s, int t, int w) {
        double up = 0;
        double down = 0;
        for (int i = Math.max(1, t - w + 1); i <= t; i++) {
            double move = s[i] - s[i - 1];
            if (move > 0) {
                up += move;
            } else if (move < 0) {
                down -= move;
            }
        }
        return up + down > 0 ? 100 * up / (up + down) : 50.0;
    }

    /** A user's node takes part in the compiler's memory check through the retention it declares. */
    @net.jqwik.api.Example
    void aWindowThatCannotFitIsADiagnosticForAUserNodeToo() {
        var result = io.factorgraph.runtime.compile.FgCompiler.standard()
                .compile("rsi.fg", "input x: double\ny = rsi(x, 2000000000)\n");
        org.junit.jupiter.api.Assertions.assertTrue(
                result.render()
                        .contains(
                                "error: 'rsi' would keep 29.8 GiB for window = 2000000000, more than the graph's memory budget"),
                result.render());
    }
}
