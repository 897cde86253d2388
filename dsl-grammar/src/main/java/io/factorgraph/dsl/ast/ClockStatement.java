package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;

/** {@code clock every DURATION}: sample the inputs on a fixed interval. */
public record ClockStatement(Expr interval, Span span) implements Statement {}
