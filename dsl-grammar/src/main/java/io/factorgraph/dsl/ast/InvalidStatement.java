package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;
import java.util.Optional;

/**
 * A statement with a syntax error, kept so that later phases know the name it meant to define and
 * do not report that name again as undefined.
 */
public record InvalidStatement(Optional<Identifier> definedName, Span span) implements Statement {}
