package io.factorgraph.examples.custom;

import io.factorgraph.nodes.window.RollingSum;
import io.factorgraph.runtime.spi.Functions;
import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.TickTime;
import io.factorgraph.runtime.spi.ValueType;
import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;

/**
 * A node written outside the framework: {@code rsi(x, W)}, the relative strength index over the last
 * W tick-to-tick moves, {@code 100 * gains / (gains + losses)} (Cutler's simple-average form), 50
 * when nothing moved. A move involving NaN counts as no move. O(1) per tick on two rolling sums.
 * The window may also be a duration ({@code rsi(x, 60s)}: the moves whose tick time lies in
 * {@code (t - 60s, t]}), because the rolling sums take either form (docs/DESIGN.md §11).
 */
public final class RelativeStrength extends Node {
    /**
     * Two rolling sums keep a double per sample of the window each (and its time, for a duration): the compiler
     * checks that it fits.
     */
    public static final NodeFunction FUNCTION = Functions.define(
            Signature.of(
                    "rsi",
                    ValueType.DOUBLE,
                    "relative strength index of the last W moves, in [0, 100]",
                    Parameter.doubleStream("x"),
                    Parameter.window("window")),
            RelativeStrength::new,
            Functions.Retention.perSample("window", 2 * Double.BYTES, 2 * Long.BYTES));

    private final double[] slots;
    private final int in;
    private final int out;
    private final TickTime time;
    private final RollingSum gains;
    private final RollingSum losses;
    private double previous = Double.NaN;

    private RelativeStrength(LinkContext context) {
        this.slots = context.slots();
        this.in = context.slot("x");
        this.out = context.outputSlot();
        this.time = context.time();
        this.gains = new RollingSum(context.window("window"), context.clockNanos(), context.describeNode());
        this.losses = new RollingSum(context.window("window"), context.clockNanos(), context.describeNode());
    }

    @Override
    public void update() {
        final double x = slots[in];
        final double move = x - previous;
        previous = x;
        final long now = time.nanos();
        if (!Double.isNaN(move)) {
            gains.onValue(now, move > 0 ? move : 0.0);
            losses.onValue(now, move < 0 ? -move : 0.0);
        } else {
            gains.onValue(now, 0.0);
            losses.onValue(now, 0.0);
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

    /** Its state for snapshots (docs/DESIGN.md §13): both rolling sums and the previous value. */
    @Override
    public void writeState(StateWriter out) {
        gains.writeState(out);
        losses.writeState(out);
        out.writeDouble(previous);
    }

    @Override
    public void readState(StateReader in) {
        gains.readState(in);
        losses.readState(in);
        previous = in.readDouble();
    }
}
