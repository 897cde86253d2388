package io.factorgraph.runtime.compile;

import io.factorgraph.dsl.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of every phase, so that a user sees all of them at once. */
public final class DiagnosticSink {
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public void report(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    public void reportAll(List<Diagnostic> more) {
        diagnostics.addAll(more);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
