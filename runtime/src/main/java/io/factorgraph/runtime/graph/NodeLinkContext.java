package io.factorgraph.runtime.graph;

import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.plan.PlanNode;
import io.factorgraph.runtime.spi.Constant;
import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.TickTime;
import io.factorgraph.runtime.spi.WindowLength;
import java.util.List;

/** What one function node sees while it is linked into an instance. */
final class NodeLinkContext implements LinkContext {
    private final PlanNode.Function node;
    private final double[] slots;
    private final int[] slotOfNode;
    private final int[] bookOfNode;
    private final OrderBook[] books;
    private final TickTime time;
    private final long clockNanos;
    private final List<String> names;

    NodeLinkContext(
            PlanNode.Function node,
            double[] slots,
            int[] slotOfNode,
            int[] bookOfNode,
            OrderBook[] books,
            TickTime time,
            long clockNanos,
            List<String> names) {
        this.node = node;
        this.clockNanos = clockNanos;
        this.names = names;
        this.slots = slots;
        this.slotOfNode = slotOfNode;
        this.bookOfNode = bookOfNode;
        this.books = books;
        this.time = time;
    }

    @Override
    public double[] slots() {
        return slots;
    }

    @Override
    public int outputSlot() {
        return slotOfNode[node.id()];
    }

    @Override
    public int slot(String parameter) {
        int slot = slotOfNode[inputNode(parameter)];
        if (slot < 0) {
            throw new IllegalArgumentException(name() + ": parameter '" + parameter + "' is a Book, not a slot");
        }
        return slot;
    }

    @Override
    public OrderBook book(String parameter) {
        int book = bookOfNode[inputNode(parameter)];
        if (book < 0) {
            throw new IllegalArgumentException(name() + ": parameter '" + parameter + "' is not a Book");
        }
        return books[book];
    }

    @Override
    public double number(String parameter) {
        return switch (constant(parameter)) {
            case Constant.Number(double value) -> value;
            default -> throw wrongKind(parameter, "a number");
        };
    }

    @Override
    public int integer(String parameter) {
        if (constant(parameter) instanceof Constant.Duration duration) {
            throw new IllegalArgumentException(name() + ": parameter '" + parameter + "' is the duration " + duration
                    + ", and the function reads it as a count; a window parameter is read with LinkContext.window");
        }
        return (int) number(parameter);
    }

    @Override
    public long durationNanos(String parameter) {
        return switch (constant(parameter)) {
            case Constant.Duration(long nanos) -> nanos;
            default -> throw wrongKind(parameter, "a duration");
        };
    }

    @Override
    public boolean isDuration(String parameter) {
        return constant(parameter) instanceof Constant.Duration;
    }

    @Override
    public boolean bool(String parameter) {
        return switch (constant(parameter)) {
            case Constant.Bool(boolean value) -> value;
            default -> throw wrongKind(parameter, "a bool");
        };
    }

    @Override
    public TickTime time() {
        return time;
    }

    @Override
    public WindowLength window(String parameter) {
        return switch (constant(parameter)) {
            case Constant.Number n -> WindowLength.of(n);
            case Constant.Duration d -> WindowLength.of(d);
            default -> throw wrongKind(parameter, "a count or a duration");
        };
    }

    @Override
    public long clockNanos() {
        return clockNanos;
    }

    /** E.g. {@code zscore(window=60s) 'alpha' at 3:9}. */
    @Override
    public String describeNode() {
        StringBuilder out = new StringBuilder(node.label());
        if (!names.isEmpty()) {
            out.append(" '").append(String.join("', '", names)).append('\'');
        }
        return out.append(" at ").append(node.span().position()).toString();
    }

    private int inputNode(String parameter) {
        List<Parameter> streams = node.function().signature().parameters().stream()
                .filter(p -> p instanceof Parameter.Stream)
                .toList();
        for (int i = 0; i < streams.size(); i++) {
            if (streams.get(i).name().equals(parameter)) {
                return node.inputs().get(i);
            }
        }
        throw new IllegalArgumentException(name() + " has no stream parameter '" + parameter + "'");
    }

    private Constant constant(String parameter) {
        Constant value = node.constants().get(parameter);
        if (value == null) {
            throw new IllegalArgumentException(name() + " has no constant parameter '" + parameter + "'");
        }
        return value;
    }

    private IllegalArgumentException wrongKind(String parameter, String expected) {
        return new IllegalArgumentException(name() + ": parameter '" + parameter + "' is not " + expected);
    }

    private String name() {
        return "function '" + node.function().signature().name() + "'";
    }
}
