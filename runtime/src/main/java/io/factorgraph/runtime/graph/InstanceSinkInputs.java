package io.factorgraph.runtime.graph;

import io.factorgraph.runtime.execution.SinkInputs;
import io.factorgraph.runtime.market.OrderBook;

/**
 * A sink's inputs read straight from a graph instance: its factor slots and the book it trades. A sink
 * that trades no book reads NaN best levels.
 */
public final class InstanceSinkInputs implements SinkInputs {
    private final GraphInstance instance;
    private final int[] slots;
    private final OrderBook book;

    public InstanceSinkInputs(GraphInstance instance, SinkBinding binding) {
        this.instance = instance;
        this.slots =
                binding.argumentSlots().stream().mapToInt(Integer::intValue).toArray();
        this.book = binding.tradedBook().map(instance::book).orElse(null);
    }

    @Override
    public double argument(int index) {
        return instance.slot(slots[index]);
    }

    @Override
    public double bestBid() {
        return book == null ? Double.NaN : book.bestBid();
    }

    @Override
    public double bestAsk() {
        return book == null ? Double.NaN : book.bestAsk();
    }
}
