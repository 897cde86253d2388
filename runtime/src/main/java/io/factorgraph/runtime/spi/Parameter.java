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

    /**
     * A window length: a whole number of ticks (at least 1) or a positive duration (docs/DESIGN.md §11); the
     * node reads it as a {@link WindowLength} ({@link LinkContext#window}).
     */
    static Parameter window(String name) {
        return new Const(name, ConstantKind.WINDOW, Optional.empty(), Range.atLeast(1));
    }

    /**
     * How the parameter reads in a signature: {@code x: double}, {@code span: number >= 1},
     * {@code window: ticks >= 1 or duration > 0}.
     */
    default String describe() {
        return switch (this) {
            case Stream s -> s.name() + ": " + s.type().displayName();
            case Const c ->
                c.name() + ": " + describeKind(c)
                        + c.defaultValue().map(v -> " = " + v).orElse("");
        };
    }

    private static String describeKind(Const c) {
        String range = c.range().equals(Range.ANY) ? "" : " " + c.range().describe();
        return switch (c.kind()) {
            case WINDOW -> "ticks" + range + " or duration > 0";
            case NUMBER_OR_DURATION -> "number" + range + " or duration > 0";
            default -> c.kind().displayName() + range;
        };
    }
}
