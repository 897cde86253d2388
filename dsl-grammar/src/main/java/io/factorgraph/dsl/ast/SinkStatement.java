package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;

/** {@code sink f(...)}: the graph's terminal consumer, such as a strategy. */
public record SinkStatement(Call call, Span span) implements Statement {}
