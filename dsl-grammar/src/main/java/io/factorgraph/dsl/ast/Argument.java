package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;
import java.util.Optional;

/** One argument of a call; named when written {@code name = value}. */
public record Argument(Optional<Identifier> name, Expr value, Span span) {}
