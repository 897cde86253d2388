package io.factorgraph.examples.custom;

import io.factorgraph.nodes.window.RollingSum;
import io.factorgraph.runtime.spi.Functions;
import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.ValueType;

/**
 * A node written outside the framework: {@code rsi(x, W)}, the relative strength index over the last
 * W tick-to-tick moves, {@code 100 * gains / (gains + losses)} (Cutler's simple-average form), 50
 * when nothing moved. A move involving NaN counts as no move. O(1) per tick on two rolling sums.
 */
public final class RelativeStrength extends Node {
    /** Two rolling sums keep a double per tick of the window each: the compiler checks that it fits. */
    public static final NodeFunction FUNCTION = Functions.define(
            Signature.of(
                    "rsi",
                    ValueType.DOUBLE,
                    "relative strength index of the last W moves, in [0, 100]",
                    Parameter.doubleStream("x"),
                    Parameter.window("window")),
            RelativeStrength::new,
            Functions.Retention.perTick("window", 0, 2 * Double.BYTES));

    private final double[] slots;
    private final int in;
    private final int out;
    private final RollingSum gains;
    private final RollingSum losses;
    private double previous = Double.NaN;

    private RelativeStrength(LinkContext context) {
        this.slots = context.slots();
        this.in = context.slot("x");
        this.out = context.outputSlot();
        this.gains = new RollingSum(context.integer("window"));
        this.losses = new RollingSum(context.integer("window"));
    }

    @Override
    public void update() {
        final double x = slots[in];
        final double move = x - previous;
        previous = x;
        if (!Double.isNaN(move)) {
            gains.onValue(move > 0 ? move : 0.0);
            losses.onValue(move < 0 ? -move : 0.0);
        } else {
            gains.onValue(0.0);
            losses.onValue(0.0);
        }
        final double up = gains.sum();
        final double total = up + losses.sum();
        slots[out] = total > 0 ? 100.0 * up / total : 50.0;
    }

    @Override
    public void reset() {
        gains.reset();
        losses.reset();
        previous = Double.NaN;
    }
}
