package io.factorgraph.runtime.spi;

/**
 * A library function: its signature for the compiler, and what it becomes in a running graph. Two kinds,
 * and the compiler treats them differently at every phase, so the hierarchy is closed: a
 * {@link NodeFunction} is linked into the flat node array and computes a stream; a {@link SinkFunction}
 * is the graph's terminal consumer, bound once to an execution context. Implementations are stateless
 * and shared; the state lives in the {@link Node}s and sinks they create.
 */
public sealed interface FunctionDefinition permits NodeFunction, SinkFunction {
    Signature signature();

    /**
     * Checks the constant arguments together, beyond each one's declared range. Called at compile
     * time with the arguments after defaults.
     */
    default void validate(ConstantArguments arguments, ArgumentProblems problems) {}

    /**
     * The memory one instance of this call keeps, in bytes, for these constant arguments (after defaults
     * and validation): what its windows and buffers grow with, not its fixed few fields. The compiler sums
     * it over a graph and refuses, with a diagnostic at the call, a graph that could not fit in the memory
     * it will run with, rather than letting a window of two billion ticks end as an OutOfMemoryError at run
     * time. A function whose state does not grow with its arguments keeps the default, 0.
     */
    default long retainedBytes(ConstantArguments arguments) {
        return 0;
    }
}
