package io.factorgraph.runtime.compile;

import io.factorgraph.runtime.spi.Constant;

/** What the checker knows of an expression: a constant, a stream, or an error already reported. */
public sealed interface Typed permits Typed.Const, Typed.Stream, Typed.Invalid {

    record Const(Constant value) implements Typed {}

    record Stream(StreamExpr expr) implements Typed {}

    /** The expression has an error that was reported; uses of it are not reported again. */
    record Invalid() implements Typed {}

    Typed INVALID = new Invalid();

    /** How a diagnostic describes it: "a number", "a double stream". */
    default String describe() {
        return switch (this) {
            case Const c -> Resolver.article(c.value().kindName()) + " constant (" + c.value() + ")";
            case Stream s -> "a " + s.expr().type().displayName() + " stream";
            case Invalid i -> "an invalid expression";
        };
    }
}
