package io.factorgraph.runtime.compile;

import io.factorgraph.dsl.source.SourceText;
import io.factorgraph.runtime.graph.FusedGraph;
import java.util.List;
import java.util.Optional;

/**
 * What compiling a sweep gave (docs/DESIGN.md §12): each point, ok or why not, and the fused graph of the
 * points that compiled.
 *
 * @param overrideProblems params that name no param of the file or have the wrong kind, each once however
 *     many points carry it; when there is any, the sweep is refused ({@link #refused()}) and there is no
 *     fused graph: the caller reports them before reading any data
 * @param points every point, in the order given
 * @param fused the points planned into one graph, when at least one point compiled and nothing refused it
 * @param fusionFailure why the compiled points could not be fused (their windows together do not fit the
 *     memory budget), as the user reads it
 */
public record SweepCompileResult(
        SourceText source,
        List<OverrideProblem> overrideProblems,
        List<SweepPoint> points,
        Optional<FusedGraph> fused,
        Optional<String> fusionFailure) {
    public SweepCompileResult {
        overrideProblems = List.copyOf(overrideProblems);
        points = List.copyOf(points);
    }

    /** Whether a param of the grid does not fit the file; then no point runs. */
    public boolean refused() {
        return !overrideProblems.isEmpty();
    }

    /** The override problems as the user reads them, one each. */
    public String renderOverrideProblems() {
        StringBuilder out = new StringBuilder();
        overrideProblems.forEach(p -> out.append(p.render()));
        return out.toString();
    }

    public int failedCount() {
        return (int) points.stream().filter(p -> !p.ok()).count();
    }
}
