package io.factorgraph.nodes.series;

import io.factorgraph.nodes.window.DoubleRingBuffer;
import io.factorgraph.runtime.spi.Constant;
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

/** {@code diff(x, k = 1)}: {@code x_t - x_{t-k}}, NaN for the first k ticks, as pandas' {@code diff}. */
public final class Diff extends Node {
    public static final NodeFunction FUNCTION = Functions.define(
            Signature.of(
                    "diff",
                    ValueType.DOUBLE,
                    "x - x as it was k ticks ago (NaN for the first k ticks)",
                    Parameter.doubleStream("x"),
                    Parameter.constant("k", ConstantKind.INTEGER, Range.atLeast(1), Constant.number(1))),
            Diff::new,
            Functions.Retention.perTick("k", 0, Double.BYTES));

    private final double[] slots;
    private final int in;
    private final int out;
    /** The last k values: once full, the oldest is the one k ticks before the current. */
    private final DoubleRingBuffer history;

    private Diff(LinkContext context) {
        this.slots = context.slots();
        this.in = context.slot("x");
        this.out = context.outputSlot();
        this.history = new DoubleRingBuffer(context.integer("k"));
    }

    @Override
    public void update() {
        final double x = slots[in];
        slots[out] = history.isFull() ? x - history.fromOldest(0) : Double.NaN;
        history.push(x);
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
