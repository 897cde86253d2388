package io.factorgraph.nodes.operator;

import io.factorgraph.runtime.spi.Functions;
import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.ValueType;
import java.util.List;

/** {@code and}, {@code or}, {@code not} on bool streams (any non-zero slot is true). */
public final class Logic {
    private Logic() {}

    public static List<NodeFunction> functions() {
        return List.of(
                Functions.define(
                        Signature.of(
                                "and", ValueType.BOOL, "a and b", Parameter.boolStream("a"), Parameter.boolStream("b")),
                        And::new),
                Functions.define(
                        Signature.of(
                                "or", ValueType.BOOL, "a or b", Parameter.boolStream("a"), Parameter.boolStream("b")),
                        Or::new),
                Functions.define(Signature.of("not", ValueType.BOOL, "not x", Parameter.boolStream("x")), Not::new));
    }

    static final class And extends BinaryNode {
        And(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = slots[left] != 0.0 && slots[right] != 0.0 ? 1.0 : 0.0;
        }
    }

    static final class Or extends BinaryNode {
        Or(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = slots[left] != 0.0 || slots[right] != 0.0 ? 1.0 : 0.0;
        }
    }

    static final class Not extends UnaryNode {
        Not(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = slots[in] != 0.0 ? 0.0 : 1.0;
        }
    }
}
