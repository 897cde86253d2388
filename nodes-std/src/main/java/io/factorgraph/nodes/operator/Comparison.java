package io.factorgraph.nodes.operator;

import io.factorgraph.runtime.spi.Functions;
import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.ValueType;
import java.util.List;
import java.util.function.Function;

/**
 * {@code < <= > >= == !=} on double streams, giving bool streams (1.0 or 0.0). As in IEEE, every
 * comparison with NaN is false except {@code !=}.
 */
public final class Comparison {
    private Comparison() {}

    public static List<NodeFunction> functions() {
        return List.of(
                compare("lt", "a < b", Lt::new),
                compare("le", "a <= b", Le::new),
                compare("gt", "a > b", Gt::new),
                compare("ge", "a >= b", Ge::new),
                compare("eq", "a == b", Eq::new),
                compare("ne", "a != b", Ne::new));
    }

    private static NodeFunction compare(String name, String description, Function<LinkContext, Node> linker) {
        return Functions.define(
                Signature.of(
                        name, ValueType.BOOL, description, Parameter.doubleStream("a"), Parameter.doubleStream("b")),
                linker);
    }

    static final class Lt extends BinaryNode {
        Lt(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = slots[left] < slots[right] ? 1.0 : 0.0;
        }
    }

    static final class Le extends BinaryNode {
        Le(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = slots[left] <= slots[right] ? 1.0 : 0.0;
        }
    }

    static final class Gt extends BinaryNode {
        Gt(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = slots[left] > slots[right] ? 1.0 : 0.0;
        }
    }

    static final class Ge extends BinaryNode {
        Ge(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = slots[left] >= slots[right] ? 1.0 : 0.0;
        }
    }

    static final class Eq extends BinaryNode {
        Eq(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = slots[left] == slots[right] ? 1.0 : 0.0;
        }
    }

    static final class Ne extends BinaryNode {
        Ne(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = slots[left] != slots[right] ? 1.0 : 0.0;
        }
    }
}
