package io.factorgraph.examples.custom;

import io.factorgraph.testkit.harness.NodeCheck;
import io.factorgraph.testkit.streams.Streams;
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

    @Property(tries = 200)
    void rsiMatchesItsDefinition(@ForAll("prices") double[] xs, @ForAll @IntRange(min = 1, max = 40) int w) {
        NodeCheck.of("rsi(x, " + w + ")")
                .against((s, t) -> {
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
                })
                .within((expected, actual, scale) ->
                        Math.abs(expected - actual) <= 1e-6 * Math.max(1, Math.abs(expected))
                                || (Double.isNaN(expected) && Double.isNaN(actual)))
                .check(xs);
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
