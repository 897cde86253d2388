package io.factorgraph.examples.custom;

import io.factorgraph.runtime.spi.FunctionDefinition;
import io.factorgraph.runtime.spi.FunctionLibrary;
import java.util.Collection;
import java.util.List;

/**
 * How a jar adds functions to every {@code .fg} file: list this class in
 * {@code META-INF/services/io.factorgraph.runtime.spi.FunctionLibrary}.
 */
public final class ExampleLibrary implements FunctionLibrary {
    @Override
    public String name() {
        return "factorgraph-examples";
    }

    @Override
    public Collection<FunctionDefinition> functions() {
        return List.of(RelativeStrength.FUNCTION);
    }
}
