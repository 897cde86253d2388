package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;

/** One statement of a {@code .fg} file. */
public sealed interface Statement
        permits ParamStatement,
                InputStatement,
                ClockStatement,
                Definition,
                OutputStatement,
                SinkStatement,
                InvalidStatement {
    Span span();
}
