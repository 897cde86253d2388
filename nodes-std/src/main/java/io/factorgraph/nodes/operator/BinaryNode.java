package io.factorgraph.nodes.operator;

import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.Node;

/** A stateless node of two slots: the shape of every binary operator. */
abstract class BinaryNode extends Node {
    protected final double[] slots;
    protected final int left;
    protected final int right;
    protected final int out;

    BinaryNode(LinkContext context) {
        this.slots = context.slots();
        this.left = context.slot("a");
        this.right = context.slot("b");
        this.out = context.outputSlot();
    }

    @Override
    public final void reset() {}
}
