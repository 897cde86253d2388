package io.factorgraph.nodes;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.testkit.harness.NodeCheck;
import io.factorgraph.testkit.harness.Tolerance;
import org.junit.jupiter.api.Test;

/** The harness itself: it must catch a node that disagrees with its reference, and say where. */
class NodeCheckTest {
    @Test
    void aWrongReferenceFailsAtTheFirstDifferingTick() {
        AssertionError error = assertThrows(AssertionError.class, () -> NodeCheck.of("lag(x, 1)")
                .against((s, t) -> t >= 2 ? s[t - 2] : t == 1 ? s[0] : Double.NaN)
                .within(Tolerance.exact())
                .check(new double[] {1, 2, 3, 4}));
        assertTrue(
                error.getMessage().startsWith("lag(x, 1) differs from its reference at tick 2: expected 1.0, was 2.0"),
                error.getMessage());
        assertTrue(error.getMessage().contains("last inputs: 1.0, 2.0, 3.0"), error.getMessage());
    }

    @Test
    void anExpressionThatDoesNotCompileShowsTheDiagnostics() {
        AssertionError error = assertThrows(AssertionError.class, () -> NodeCheck.of("zscroe(x, 3)"));
        assertTrue(error.getMessage().contains("error: unknown function 'zscroe'"), error.getMessage());
        assertTrue(error.getMessage().contains("did you mean 'zscore'?"), error.getMessage());
    }

    @Test
    void resetIsCheckedToo() {
        NodeCheck.of("rolling_sum(x, 2)")
                .against((s, t) -> t == 0 ? s[0] : s[t] + s[t - 1])
                .within(Tolerance.exact())
                .check(new double[] {1, 2, 3, 4, 5});
    }
}
