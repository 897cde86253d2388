package io.factorgraph.runtime.compile;

import io.factorgraph.runtime.execution.StrategySink;
import io.factorgraph.runtime.spi.Constant;
import io.factorgraph.runtime.spi.ConstantArguments;
import io.factorgraph.runtime.spi.ConstantKind;
import io.factorgraph.runtime.spi.FunctionDefinition;
import io.factorgraph.runtime.spi.FunctionLibrary;
import io.factorgraph.runtime.spi.Functions;
import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Range;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.SinkDeclaration;
import io.factorgraph.runtime.spi.SinkFunction;
import io.factorgraph.runtime.spi.SinkRequirement;
import io.factorgraph.runtime.spi.TradingTerms;
import io.factorgraph.runtime.spi.ValueType;
import java.util.Collection;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * A small library for testing the compiler on its own: the operators it needs, a windowed sum
 * with a constant, a book function, a function with named defaults, and a sink.
 */
public final class TestLibrary implements FunctionLibrary {
    @Override
    public String name() {
        return "test";
    }

    @Override
    public Collection<FunctionDefinition> functions() {
        return List.of(
                binary("add", (a, b) -> a + b),
                binary("sub", (a, b) -> a - b),
                binary("mul", (a, b) -> a * b),
                binary("div", (a, b) -> a / b),
                Functions.define(
                        Signature.of("neg", ValueType.DOUBLE, "-x", Parameter.doubleStream("x")),
                        c -> new Map1(c, x -> -x)),
                Functions.define(
                        Signature.of(
                                "gt",
                                ValueType.BOOL,
                                "a > b",
                                Parameter.doubleStream("a"),
                                Parameter.doubleStream("b")),
                        c -> new Map2(c, (a, b) -> a > b ? 1 : 0)),
                Functions.define(
                        Signature.of(
                                "and", ValueType.BOOL, "a and b", Parameter.boolStream("a"), Parameter.boolStream("b")),
                        c -> new Map2(c, (a, b) -> a != 0 && b != 0 ? 1 : 0)),
                Functions.define(
                        Signature.of(
                                "sumof",
                                ValueType.DOUBLE,
                                "running sum of the last n values",
                                Parameter.doubleStream("x"),
                                Parameter.window("n")),
                        SumOf::new),
                Functions.define(
                        Signature.of(
                                "scale",
                                ValueType.DOUBLE,
                                "x * factor + offset",
                                Parameter.doubleStream("x"),
                                Parameter.constant("factor", ConstantKind.NUMBER, Range.positive()),
                                Parameter.constant("offset", ConstantKind.NUMBER, Range.ANY, Constant.number(0))),
                        Scale::new,
                        (arguments, problems) -> {
                            if (arguments.number("offset") > arguments.number("factor")) {
                                problems.error(
                                        "offset",
                                        "offset must not exceed factor",
                                        "lower the offset or raise the factor");
                            }
                        }),
                Functions.define(
                        Signature.of("depth", ValueType.DOUBLE, "a number from a book", Parameter.book("book")),
                        BookRead::new),
                new Trade());
    }

    /** {@code trade(signal, book, size)}: a sink that trades {@code size} on a 0.5 grid and sends nothing. */
    static final class Trade implements SinkFunction {
        private static final SinkDeclaration DECLARATION = SinkDeclaration.of(
                "trade",
                "a sink",
                List.of(
                        SinkRequirement.factor("signal"),
                        SinkRequirement.tradedBook("book"),
                        SinkRequirement.execution()),
                List.of(new Parameter.Const(
                        "size", ConstantKind.NUMBER, java.util.Optional.empty(), Range.positive())));

        @Override
        public SinkDeclaration declaration() {
            return DECLARATION;
        }

        @Override
        public StrategySink bind(ConstantArguments constants) {
            return (time, inputs, gateway) -> {};
        }

        @Override
        public TradingTerms terms(ConstantArguments constants) {
            return new TradingTerms(0.5, constants.number("size"));
        }
    }

    private static FunctionDefinition binary(String name, DoubleBinaryOperator op) {
        return Functions.define(
                Signature.of(name, ValueType.DOUBLE, name, Parameter.doubleStream("a"), Parameter.doubleStream("b")),
                c -> new Map2(c, op));
    }

    static final class Map1 extends Node {
        private final double[] slots;
        private final int in;
        private final int out;
        private final java.util.function.DoubleUnaryOperator op;

        Map1(LinkContext context, java.util.function.DoubleUnaryOperator op) {
            this.slots = context.slots();
            this.in = context.slot("x");
            this.out = context.outputSlot();
            this.op = op;
        }

        @Override
        public void update() {
            slots[out] = op.applyAsDouble(slots[in]);
        }

        @Override
        public void reset() {}
    }

    /** Reads nothing from the book yet; proves that a Book argument links to the instance's book. */
    static final class BookRead extends Node {
        private final double[] slots;
        private final int out;

        BookRead(LinkContext context) {
            java.util.Objects.requireNonNull(context.book("book"));
            this.slots = context.slots();
            this.out = context.outputSlot();
        }

        @Override
        public void update() {
            slots[out] = 42.0;
        }

        @Override
        public void reset() {}
    }

    static final class Map2 extends Node {
        private final double[] slots;
        private final int a;
        private final int b;
        private final int out;
        private final DoubleBinaryOperator op;

        Map2(LinkContext context, DoubleBinaryOperator op) {
            this.slots = context.slots();
            this.a = context.slot("a");
            this.b = context.slot("b");
            this.out = context.outputSlot();
            this.op = op;
        }

        @Override
        public void update() {
            slots[out] = op.applyAsDouble(slots[a], slots[b]);
        }

        @Override
        public void reset() {}
    }

    static final class SumOf extends Node {
        private final double[] slots;
        private final int in;
        private final int out;
        private final double[] window;
        private int next;
        private double sum;

        SumOf(LinkContext context) {
            this.slots = context.slots();
            this.in = context.slot("x");
            this.out = context.outputSlot();
            this.window = new double[context.integer("n")];
        }

        @Override
        public void update() {
            sum += slots[in] - window[next];
            window[next] = slots[in];
            next = (next + 1) % window.length;
            slots[out] = sum;
        }

        @Override
        public void reset() {
            java.util.Arrays.fill(window, 0);
            next = 0;
            sum = 0;
        }
    }

    static final class Scale extends Node {
        private final double[] slots;
        private final int in;
        private final int out;
        private final double factor;
        private final double offset;

        Scale(LinkContext context) {
            this.slots = context.slots();
            this.in = context.slot("x");
            this.out = context.outputSlot();
            this.factor = context.number("factor");
            this.offset = context.number("offset");
        }

        @Override
        public void update() {
            slots[out] = slots[in] * factor + offset;
        }

        @Override
        public void reset() {}
    }
}
