package io.factorgraph.nodes.window;

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
 * {@code volatility(x, W)}: the population std of the last W values of {@code change(x)}. The first
 * tick has no change and is not counted; the result is 0.0 until a change exists. With a duration
 * ({@code volatility(x, 60s)}) it is the std of the changes whose tick time lies in {@code (t - D, t]}
 * (docs/DESIGN.md §11); a change belongs to the tick that ends it.
 */
public final class Volatility extends Node {
    public static final NodeFunction FUNCTION = Functions.define(
            Signature.of(
                    "volatility",
                    ValueType.DOUBLE,
                    "population std of the relative changes x/prev - 1 over the last W ticks or D of time"
                            + " (0 until a change exists)",
                    Parameter.doubleStream("x"),
                    Parameter.window("window")),
            Volatility::new,
            Functions.Retention.perSample("window", Double.BYTES, Long.BYTES));

    private final double[] slots;
    private final int in;
    private final int out;
    private final TickTime time;
    private final RollingMoments changes;
    private double previous;
    private boolean started;

    private Volatility(LinkContext context) {
        this.slots = context.slots();
        this.in = context.slot("x");
        this.out = context.outputSlot();
        this.time = context.time();
        this.changes = new RollingMoments(context.window("window"), context.clockNanos(), context.describeNode());
    }

    @Override
    public void update() {
        final double x = slots[in];
        if (started) {
            changes.onValue(time.nanos(), x / previous - 1.0);
            slots[out] = changes.std();
        } else {
            slots[out] = 0.0;
            started = true;
        }
        previous = x;
    }

    @Override
    public void reset() {
        changes.reset();
        started = false;
        previous = 0.0;
    }

    @Override
    public void writeState(StateWriter out) {
        changes.writeState(out);
        out.writeDouble(previous);
        out.writeBoolean(started);
    }

    @Override
    public void readState(StateReader in) {
        changes.readState(in);
        previous = in.readDouble();
        started = in.readBoolean();
    }
}
