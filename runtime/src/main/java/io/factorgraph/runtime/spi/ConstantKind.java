package io.factorgraph.runtime.spi;

/** The kinds of compile-time constants: literals, params, and arithmetic of them. */
public enum ConstantKind {
    NUMBER("number"),
    /** A number that must be whole, such as a window length. */
    INTEGER("integer"),
    DURATION("duration"),
    /** A window length: a whole number of ticks or a duration, see {@link WindowLength}. */
    WINDOW("count or duration"),
    /** A number, or a duration (e.g. a half-life in ticks or in time). */
    NUMBER_OR_DURATION("number or duration"),
    BOOL("bool");

    private final String displayName;

    ConstantKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
