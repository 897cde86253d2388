package io.factorgraph.dsl.diagnostic;

/** Whether a diagnostic stops compilation. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word printed after the position, as gcc and rustc print it. */
    public String label() {
        return label;
    }
}
