package io.factorgraph.nodes.operator;

import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.Node;

/** A stateless node of one slot. */
abstract class UnaryNode extends Node {
    protected final double[] slots;
    protected final int in;
    protected final int out;

    UnaryNode(LinkContext context) {
        this.slots = context.slots();
        this.in = context.slot("x");
        this.out = context.outputSlot();
    }

    @Override
    public final void reset() {}
}
