package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;

/** {@code 100ms}, {@code 1s}, {@code 5m}, held as whole nanoseconds. */
public record DurationLiteral(long nanos, String text, Span span) implements Expr {}
