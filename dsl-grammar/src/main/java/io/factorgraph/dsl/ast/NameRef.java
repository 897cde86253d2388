package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;

/** A use of a name: a definition, a param or an input. */
public record NameRef(String name, Span span) implements Expr {}
