package io.factorgraph.runtime.spi;

/** The types of streams that flow between nodes. */
public enum ValueType {
    /** A double per tick; NaN means "no value". */
    DOUBLE("double"),
    /** A boolean per tick, held in a double slot as 1.0 or 0.0. */
    BOOL("bool"),
    /** An instrument's L2 order book. */
    BOOK("Book");

    private final String displayName;

    ValueType(String displayName) {
        this.displayName = displayName;
    }

    /** The name a {@code .fg} file uses for it. */
    public String displayName() {
        return displayName;
    }
}
