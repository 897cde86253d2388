package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;

/** An expression. */
public sealed interface Expr permits NumberLiteral, DurationLiteral, BoolLiteral, NameRef, Call, Binary, Unary {
    Span span();
}
