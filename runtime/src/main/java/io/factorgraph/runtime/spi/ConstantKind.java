package io.factorgraph.runtime.spi;

/** The kinds of compile-time constants: literals, params, and arithmetic of them. */
public enum ConstantKind {
    NUMBER("number"),
    /** A number that must be whole, such as a window length. */
    INTEGER("integer"),
    DURATION("duration"),
    BOOL("bool");

    private final String displayName;

    ConstantKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
