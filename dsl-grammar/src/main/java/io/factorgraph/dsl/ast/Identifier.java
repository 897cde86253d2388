package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;

/** A name as written, with where it was written. */
public record Identifier(String text, Span span) {}
