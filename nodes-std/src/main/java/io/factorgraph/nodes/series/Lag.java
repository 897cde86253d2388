package io.factorgraph.nodes.series;

import io.factorgraph.runtime.spi.ConstantKind;
import io.factorgraph.runtime.spi.FunctionDefinition;
import io.factorgraph.runtime.spi.Functions;
import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Range;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.ValueType;

/**
 * {@code lag(x, k)}: the value of {@code x} k ticks ago; NaN until k ticks have passed, the way
 * pandas' {@code shift(k)} leaves the first k rows empty.
 */
public final class Lag extends Node {
    public static final FunctionDefinition FUNCTION = Functions.define(
            Signature.of("lag", ValueType.DOUBLE, "x as it was k ticks ago (NaN for the first k ticks)",
                    Parameter.doubleStream("x"), Parameter.constant("k", ConstantKind.INTEGER, Range.atLeast(0))),
            Lag::new);

    private final double[] slots;
    private final int in;
    private final int out;
    private final double[] history;
    private int next;
    private long seen;

    private Lag(LinkContext context) {
        this.slots = context.slots();
        this.in = context.slot("x");
        this.out = context.outputSlot();
        this.history = new double[context.integer("k") + 1];
    }

    @Override
    public void update() {
        final double[] history = this.history;
        history[next] = slots[in];
        next = next + 1 == history.length ? 0 : next + 1;
        seen++;
        // After the write, `next` holds the oldest of the last k+1 values: the one k ticks ago.
        slots[out] = seen >= history.length ? history[next] : Double.NaN;
    }

    @Override
    public void reset() {
        next = 0;
        seen = 0;
    }
}
