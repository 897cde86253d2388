package io.factorgraph.nodes.operator;

import io.factorgraph.runtime.spi.ConstantKind;
import io.factorgraph.runtime.spi.Functions;
import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Range;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.ValueType;
import java.util.List;

/** {@code log}, {@code sqrt} and {@code clip}: per-tick functions with IEEE semantics (log(0) = -inf, sqrt(-1) = NaN). */
public final class Elementwise {
    private Elementwise() {}

    public static List<NodeFunction> functions() {
        return List.of(
                Arithmetic.unary("log", "natural logarithm", Log::new),
                Arithmetic.unary("sqrt", "square root", Sqrt::new),
                Functions.define(
                        Signature.of(
                                "clip",
                                ValueType.DOUBLE,
                                "x limited to [lo, hi]; NaN stays NaN",
                                Parameter.doubleStream("x"),
                                Parameter.constant("lo", ConstantKind.NUMBER, Range.ANY),
                                Parameter.constant("hi", ConstantKind.NUMBER, Range.ANY)),
                        Clip::new,
                        (arguments, problems) -> {
                            if (arguments.number("lo") > arguments.number("hi")) {
                                problems.error(
                                        "hi",
                                        "clip needs lo <= hi, found lo = "
                                                + arguments.get("lo").orElseThrow() + " and hi = "
                                                + arguments.get("hi").orElseThrow(),
                                        "swap the bounds");
                            }
                        }));
    }

    static final class Log extends UnaryNode {
        Log(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = Math.log(slots[in]);
        }
    }

    static final class Sqrt extends UnaryNode {
        Sqrt(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = Math.sqrt(slots[in]);
        }
    }

    static final class Clip extends Node {
        private final double[] slots;
        private final int in;
        private final int out;
        private final double lo;
        private final double hi;

        Clip(LinkContext context) {
            this.slots = context.slots();
            this.in = context.slot("x");
            this.out = context.outputSlot();
            this.lo = context.number("lo");
            this.hi = context.number("hi");
        }

        @Override
        public void update() {
            final double x = slots[in];
            // Comparisons with NaN are false, so NaN passes through unchanged.
            slots[out] = x < lo ? lo : x > hi ? hi : x;
        }

        @Override
        public void reset() {}
    }
}
