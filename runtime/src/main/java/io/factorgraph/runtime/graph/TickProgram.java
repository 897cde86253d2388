package io.factorgraph.runtime.graph;

import io.factorgraph.runtime.spi.Node;

/**
 * What one tick of an instance runs: every node's {@code update()} once, in the plan's order. Two
 * forms, chosen by {@link Execution}: a loop over the node array ({@link Interpreted}), and a class
 * generated per compiled graph with one call site per node ({@link TickPrograms}).
 */
abstract class TickProgram {
    /** Runs every node once, in order. */
    abstract void run();

    /** The loop over the flat node array: one virtual call site shared by every node. */
    static final class Interpreted extends TickProgram {
        private final Node[] nodes;

        Interpreted(Node[] nodes) {
            this.nodes = nodes;
        }

        @Override
        void run() {
            final Node[] nodes = this.nodes;
            for (int i = 0; i < nodes.length; i++) {
                nodes[i].update();
            }
        }
    }
}
