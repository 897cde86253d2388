package io.factorgraph.runtime.spi;

/**
 * A function that computes a stream: linked, once per graph instance, into a {@link Node} of the flat
 * node array. Most functions are made with {@link Functions#define}.
 */
public non-sealed interface NodeFunction extends FunctionDefinition {
    /** Creates this function's node for one graph instance; called while linking, never per tick. */
    Node link(LinkContext context);
}
