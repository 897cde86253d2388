package io.factorgraph.nodes.series;

import io.factorgraph.nodes.window.DoubleRingBuffer;
import io.factorgraph.runtime.spi.ConstantKind;
import io.factorgraph.runtime.spi.Functions;
import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Range;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.ValueType;
import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;

/**
 * {@code lag(x, k)}: the value of {@code x} k ticks ago; NaN until k ticks have passed, the way
 * pandas' {@code shift(k)} leaves the first k rows empty.
 */
public final class Lag extends Node {
    public static final NodeFunction FUNCTION = Functions.define(
            Signature.of(
                    "lag",
                    ValueType.DOUBLE,
                    "x as it was k ticks ago (NaN for the first k ticks)",
                    Parameter.doubleStream("x"),
                    Parameter.constant("k", ConstantKind.INTEGER, Range.atLeast(0))),
            Lag::new,
            Functions.Retention.perTick("k", 1, Double.BYTES));

    private final double[] slots;
    private final int in;
    private final int out;
    /** The last k+1 values: once full, the oldest is the one k ticks ago. */
    private final DoubleRingBuffer history;

    private Lag(LinkContext context) {
        this.slots = context.slots();
        this.in = context.slot("x");
        this.out = context.outputSlot();
        this.history = new DoubleRingBuffer(context.integer("k") + 1);
    }

    @Override
    public void update() {
        history.push(slots[in]);
        slots[out] = history.isFull() ? history.fromOldest(0) : Double.NaN;
    }

    @Override
    public void reset() {
        history.reset();
    }

    @Override
    public void writeState(StateWriter out) {
        history.writeState(out);
    }

    @Override
    public void readState(StateReader in) {
        history.readState(in);
    }
}
