package io.factorgraph.runtime.compile;

import java.util.Optional;

/** A {@code --param} that does not fit the file: it names no param, or its value has the wrong kind. */
public record OverrideProblem(ParamOverride override, String message, Optional<String> help) {
    /** {@code --param window=abc: error: ...} and the help on a second line. */
    public String render() {
        return "--param " + override + ": error: " + message
                + help.map(h -> "\n  = help: " + h).orElse("") + "\n";
    }
}
