package io.factorgraph.nodes.operator;

import io.factorgraph.runtime.spi.Functions;
import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.ValueType;
import java.util.List;

/**
 * {@code + - * /}, unary minus and {@code abs}, with IEEE semantics: NaN propagates, {@code x/0} is
 * an infinity or NaN, never an exception. One final class per operator keeps each update a single
 * arithmetic instruction between two slot accesses.
 */
public final class Arithmetic {
    private Arithmetic() {}

    public static List<NodeFunction> functions() {
        return List.of(
                binary("add", "a + b", Add::new),
                binary("sub", "a - b", Sub::new),
                binary("mul", "a * b", Mul::new),
                binary("div", "a / b (IEEE: x/0 is ±inf or NaN)", Div::new),
                unary("neg", "-x", Neg::new),
                unary("abs", "|x|", Abs::new));
    }

    static NodeFunction binary(
            String name,
            String description,
            java.util.function.Function<LinkContext, io.factorgraph.runtime.spi.Node> linker) {
        return Functions.define(
                Signature.of(
                        name, ValueType.DOUBLE, description, Parameter.doubleStream("a"), Parameter.doubleStream("b")),
                linker);
    }

    static NodeFunction unary(
            String name,
            String description,
            java.util.function.Function<LinkContext, io.factorgraph.runtime.spi.Node> linker) {
        return Functions.define(Signature.of(name, ValueType.DOUBLE, description, Parameter.doubleStream("x")), linker);
    }

    static final class Add extends BinaryNode {
        Add(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = slots[left] + slots[right];
        }
    }

    static final class Sub extends BinaryNode {
        Sub(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = slots[left] - slots[right];
        }
    }

    static final class Mul extends BinaryNode {
        Mul(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = slots[left] * slots[right];
        }
    }

    static final class Div extends BinaryNode {
        Div(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = slots[left] / slots[right];
        }
    }

    static final class Neg extends UnaryNode {
        Neg(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = -slots[in];
        }
    }

    static final class Abs extends UnaryNode {
        Abs(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = Math.abs(slots[in]);
        }
    }
}
