package io.factorgraph.runtime.graph;

import io.factorgraph.runtime.execution.SinkInputs;
import io.factorgraph.runtime.market.OrderBook;

/** A sink's inputs read straight from a graph instance: its argument slots and its book. */
public final class InstanceSinkInputs implements SinkInputs {
    private final GraphInstance instance;
    private final int[] slots;
    private final OrderBook book;

    public InstanceSinkInputs(GraphInstance instance, SinkBinding binding) {
        this.instance = instance;
        this.slots = binding.argumentSlots().stream().mapToInt(Integer::intValue).toArray();
        this.book = instance.book(new BookHandle("sink", binding.bookIndex()));
    }

    @Override
    public double argument(int index) {
        return instance.slot(slots[index]);
    }

    @Override
    public double bestBid() {
        return book.bestBid();
    }

    @Override
    public double bestAsk() {
        return book.bestAsk();
    }
}
