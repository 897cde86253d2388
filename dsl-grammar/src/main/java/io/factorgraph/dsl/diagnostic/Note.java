package io.factorgraph.dsl.diagnostic;

import io.factorgraph.dsl.source.Span;
import java.util.Optional;

/**
 * A line under a diagnostic: a {@code help:} with a suggestion or the expected form, or a
 * {@code note:} that points at a related place (the other definition, a step of a cycle).
 */
public record Note(Kind kind, String message, Optional<Span> span) {
    public enum Kind {
        NOTE("note"),
        HELP("help");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static Note help(String message) {
        return new Note(Kind.HELP, message, Optional.empty());
    }

    public static Note note(String message) {
        return new Note(Kind.NOTE, message, Optional.empty());
    }

    public static Note note(String message, Span at) {
        return new Note(Kind.NOTE, message, Optional.of(at));
    }
}
