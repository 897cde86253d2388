package io.factorgraph.runtime.spi;

import java.util.Optional;

/** One parameter of a library function: a stream, or a compile-time constant. */
public sealed interface Parameter permits Parameter.Stream, Parameter.Const {
    String name();

    /** A stream argument: the node reads its slot (or book) every tick. */
    record Stream(String name, ValueType type) implements Parameter {}

    /**
     * A constant argument: fixed when the graph is compiled. An optional default makes the
     * argument optional; a range is checked at compile time.
     */
    record Const(String name, ConstantKind kind, Optional<Constant> defaultValue, Range range) implements Parameter {}

    static Parameter stream(String name, ValueType type) {
        return new Stream(name, type);
    }

    static Parameter doubleStream(String name) {
        return new Stream(name, ValueType.DOUBLE);
    }

    static Parameter boolStream(String name) {
        return new Stream(name, ValueType.BOOL);
    }

    static Parameter book(String name) {
        return new Stream(name, ValueType.BOOK);
    }

    static Parameter constant(String name, ConstantKind kind, Range range) {
        return new Const(name, kind, Optional.empty(), range);
    }

    static Parameter constant(String name, ConstantKind kind, Range range, Constant defaultValue) {
        return new Const(name, kind, Optional.of(defaultValue), range);
    }

    /** A window length: a whole number of ticks, at least 1. */
    static Parameter window(String name) {
        return new Const(name, ConstantKind.INTEGER, Optional.empty(), Range.atLeast(1));
    }

    /** How the parameter reads in a signature: {@code x: double}, {@code window: integer >= 1}. */
    default String describe() {
        return switch (this) {
            case Stream s -> s.name() + ": " + s.type().displayName();
            case Const c ->
                c.name() + ": " + c.kind().displayName()
                        + (c.range().equals(Range.ANY) ? "" : " " + c.range().describe())
                        + c.defaultValue().map(v -> " = " + v).orElse("");
        };
    }
}
