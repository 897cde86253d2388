package io.factorgraph.nodes.series;

import io.factorgraph.runtime.spi.Functions;
import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.ValueType;
import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;

/**
 * {@code change(x)}: the relative change {@code x_t / x_{t-1} - 1}, and {@code 0.0} on the first
 * tick. Its own node, because the seed computed it after the volatility node had already stored the
 * new price, which made every change 0.
 */
public final class Change extends Node {
    public static final NodeFunction FUNCTION = Functions.define(
            Signature.of(
                    "change",
                    ValueType.DOUBLE,
                    "x / previous x - 1 (0 on the first tick)",
                    Parameter.doubleStream("x")),
            Change::new);

    private final double[] slots;
    private final int in;
    private final int out;
    private double previous;
    private boolean started;

    private Change(LinkContext context) {
        this.slots = context.slots();
        this.in = context.slot("x");
        this.out = context.outputSlot();
    }

    @Override
    public void update() {
        final double x = slots[in];
        slots[out] = started ? x / previous - 1.0 : 0.0;
        previous = x;
        started = true;
    }

    @Override
    public void reset() {
        started = false;
        previous = 0.0;
    }

    @Override
    public void writeState(StateWriter out) {
        out.writeDouble(previous);
        out.writeBoolean(started);
    }

    @Override
    public void readState(StateReader in) {
        previous = in.readDouble();
        started = in.readBoolean();
    }
}
