package io.factorgraph.runtime.compile;

import io.factorgraph.dsl.ast.Definition;
import io.factorgraph.dsl.ast.ParamStatement;
import io.factorgraph.dsl.source.Span;
import io.factorgraph.runtime.spi.ValueType;

/** A name a {@code .fg} file defines: a param, an input, or a definition. */
public sealed interface Symbol permits Symbol.Param, Symbol.Input, Symbol.Defined {
    String name();

    /** Where it is declared; the predeclared {@code book} points at the start of the file. */
    Span span();

    record Param(ParamStatement statement) implements Symbol {
        @Override
        public String name() {
            return statement.name().text();
        }

        @Override
        public Span span() {
            return statement.name().span();
        }
    }

    /** A stream the host feeds; {@code predeclared} for the implicit {@code book}. */
    record Input(String name, ValueType type, Span span, boolean predeclared) implements Symbol {}

    record Defined(Definition definition) implements Symbol {
        @Override
        public String name() {
            return definition.name().text();
        }

        @Override
        public Span span() {
            return definition.name().span();
        }
    }

    /** How a diagnostic names its kind: "param", "input", "definition". */
    default String kindName() {
        return switch (this) {
            case Param p -> "param";
            case Input i -> "input";
            case Defined d -> "definition";
        };
    }
}
