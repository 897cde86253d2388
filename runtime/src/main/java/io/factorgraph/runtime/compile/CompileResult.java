package io.factorgraph.runtime.compile;

import io.factorgraph.dsl.diagnostic.Diagnostic;
import io.factorgraph.dsl.diagnostic.DiagnosticRenderer;
import io.factorgraph.dsl.source.SourceText;
import io.factorgraph.runtime.graph.CompiledGraph;
import java.util.List;
import java.util.Optional;

/**
 * What compiling a source gave: the graph when there were no errors, and every diagnostic (errors
 * and warnings, in source order) and {@code --param} problem either way.
 */
public record CompileResult(
        SourceText source,
        Optional<CompiledGraph> graph,
        List<Diagnostic> diagnostics,
        List<OverrideProblem> overrideProblems) {
    public CompileResult {
        diagnostics = List.copyOf(diagnostics);
        overrideProblems = List.copyOf(overrideProblems);
    }

    public boolean hasErrors() {
        return graph.isEmpty();
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    /** Every problem as the user reads it: override problems first, then the file's diagnostics. */
    public String render() {
        StringBuilder out = new StringBuilder();
        overrideProblems.forEach(p -> out.append(p.render()));
        out.append(DiagnosticRenderer.render(source, diagnostics));
        return out.toString();
    }

    /**
     * The graph, for callers that treat a bad graph as a programming error (tests, embedded graphs
     * written in code).
     *
     * @throws CompilationException carrying the rendered diagnostics when there were errors
     */
    public CompiledGraph orElseThrow() {
        return graph.orElseThrow(() -> new CompilationException(render()));
    }
}
