package io.factorgraph.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.spi.FunctionDefinition;
import io.factorgraph.runtime.spi.FunctionLibrary;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.SinkFunction;
import io.factorgraph.runtime.spi.ValueType;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry refuses definitions whose kind and signature disagree, naming the function and its library. */
class FunctionRegistryTest {
    private static FunctionLibrary library(FunctionDefinition function) {
        return new FunctionLibrary() {
            @Override
            public String name() {
                return "mine";
            }

            @Override
            public Collection<FunctionDefinition> functions() {
                return List.of(function);
            }
        };
    }

    @Test
    void aNodeFunctionWithASinkSignatureIsRefusedWhenLoaded() {
        NodeFunction odd = new NodeFunction() {
            @Override
            public Signature signature() {
                return Signature.sink("odd", "returns nothing", Parameter.doubleStream("x"));
            }

            @Override
            public Node link(io.factorgraph.runtime.spi.LinkContext context) {
                throw new AssertionError("never linked");
            }
        };
        IllegalArgumentException thrown =
                assertThrows(IllegalArgumentException.class, () -> FunctionRegistry.of(List.of(library(odd))));
        assertEquals(
                "function 'odd' of library 'mine' is a node function but its signature returns nothing; a sink "
                        + "is a SinkFunction",
                thrown.getMessage());
    }

    @Test
    void theTestLibraryLoadsWithItsNodesAndItsSink() {
        FunctionRegistry registry = FunctionRegistry.load();
        assertTrue(registry.find("trade").orElseThrow() instanceof SinkFunction);
        assertTrue(registry.find("NEG").orElseThrow() instanceof NodeFunction);
        assertEquals(
                ValueType.DOUBLE,
                registry.find("neg").orElseThrow().signature().returns().orElseThrow());
    }
}
