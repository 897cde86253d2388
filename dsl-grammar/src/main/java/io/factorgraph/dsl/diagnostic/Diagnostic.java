package io.factorgraph.dsl.diagnostic;

import io.factorgraph.dsl.source.Span;
import java.util.List;
import java.util.Objects;

/** One problem found in a source: where, how bad, what, and what would fix it. */
public record Diagnostic(Severity severity, Span span, String message, List<Note> notes) {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(message, "message");
        notes = List.copyOf(notes);
    }

    public static Diagnostic error(Span span, String message, Note... notes) {
        return new Diagnostic(Severity.ERROR, span, message, List.of(notes));
    }

    public static Diagnostic warning(Span span, String message, Note... notes) {
        return new Diagnostic(Severity.WARNING, span, message, List.of(notes));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
