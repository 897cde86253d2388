package io.factorgraph.runtime.compile;

import java.util.List;
import java.util.Optional;

/**
 * One point of a sweep as the compiler saw it.
 *
 * @param index the point's place in the grid, from 0
 * @param overrides the point's param values
 * @param failure empty when the point compiled, else its first error on one line (for a table)
 * @param failureText every problem of a failed point as the user reads it ({@link CompileResult#render()});
 *     empty when it compiled
 * @param nodeCount the library-function nodes of the point's own graph; 0 when it failed
 */
public record SweepPoint(
        int index, List<ParamOverride> overrides, Optional<String> failure, String failureText, int nodeCount) {
    public SweepPoint {
        overrides = List.copyOf(overrides);
    }

    public boolean ok() {
        return failure.isEmpty();
    }
}
