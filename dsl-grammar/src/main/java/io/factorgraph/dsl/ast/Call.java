package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;
import java.util.List;

/** {@code f(a, b, name = c)}: positional arguments, then named ones. */
public record Call(Identifier function, List<Argument> arguments, Span span) implements Expr {
    public Call {
        arguments = List.copyOf(arguments);
    }
}
