package io.factorgraph.runtime.spi;

/**
 * A library function: its signature for the compiler, and how to make its node for an instance.
 * Implementations are stateless and shared; the state lives in the {@link Node}s they create.
 */
public interface FunctionDefinition {
    Signature signature();

    /**
     * Checks the constant arguments together, beyond each one's declared range. Called at compile
     * time with the arguments after defaults.
     */
    default void validate(ConstantArguments arguments, ArgumentProblems problems) {
    }

    /** Creates this function's node for one graph instance. Not called for sinks. */
    Node link(LinkContext context);
}
