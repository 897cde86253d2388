package io.factorgraph.runtime.spi;

import java.util.Collection;

/**
 * A set of functions found through {@link java.util.ServiceLoader}: a jar that lists an
 * implementation in {@code META-INF/services/io.factorgraph.runtime.spi.FunctionLibrary} adds its
 * functions to every {@code .fg} file, with no change to the compiler.
 */
public interface FunctionLibrary {
    /** A name for messages, e.g. when two libraries define the same function. */
    String name();

    Collection<FunctionDefinition> functions();
}
