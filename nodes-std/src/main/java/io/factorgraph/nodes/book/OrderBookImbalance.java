package io.factorgraph.nodes.book;

import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.spi.ConstantKind;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.Functions;
import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Range;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.ValueType;
import java.util.List;

/**
 * {@code OBI(book, depth)}: the quantity resting within {@code depth} (a fraction of the mid) of the
 * mid on the bid side minus that on the ask side, as hftbacktest's {@code obi_mm} example computes
 * it: with {@code m = (best_bid + best_ask)/2}, bid levels with {@code price >= m*(1-depth)} and ask
 * levels with {@code price <= m*(1+depth)}, compared as doubles exactly as written. {@code obi_norm}
 * divides the difference by the sum, giving a value in [-1, 1]. Cost: O(levels inside the band),
 * walking outward from the best level; NaN while a side is empty.
 */
public final class OrderBookImbalance extends Node {
    public static List<NodeFunction> functions() {
        return List.of(
                Functions.define(Signature.of("OBI", ValueType.DOUBLE,
                        "bid quantity minus ask quantity within depth (a fraction of the mid) of the mid",
                        Parameter.book("book"), Parameter.constant("depth", ConstantKind.NUMBER, Range.atLeast(0))),
                        context -> new OrderBookImbalance(context, false)),
                Functions.define(Signature.of("obi_norm", ValueType.DOUBLE,
                        "(bid - ask) / (bid + ask) of the quantities within depth of the mid: in [-1, 1]",
                        Parameter.book("book"), Parameter.constant("depth", ConstantKind.NUMBER, Range.atLeast(0))),
                        context -> new OrderBookImbalance(context, true)));
    }

    private final OrderBook book;
    private final double[] slots;
    private final int out;
    private final double depth;
    private final boolean normalised;
    private final double[] sums = new double[2];

    private OrderBookImbalance(LinkContext context, boolean normalised) {
        this.book = context.book("book");
        this.slots = context.slots();
        this.out = context.outputSlot();
        this.depth = context.number("depth");
        this.normalised = normalised;
    }

    @Override
    public void update() {
        final OrderBook book = this.book;
        final int bids = book.bidDepth();
        final int asks = book.askDepth();
        if (bids == 0 || asks == 0) {
            slots[out] = Double.NaN;
            return;
        }
        final double mid = (book.bidPrice(0) + book.askPrice(0)) / 2.0;
        // Prices move away from the mid level by level, so the levels in the band are a prefix of each
        // side: the book finds its length by bisection and sums both prefixes side by side, each best
        // level first, as the definition reads, so the value is the level-by-level walk's to the bit.
        final int bidLevels = book.bidLevelsAtOrAbove(mid * (1 - depth));
        final int askLevels = book.askLevelsAtOrBelow(mid * (1 + depth));
        final double[] sums = this.sums;
        book.sumTopQty(bidLevels, askLevels, sums);
        final double bidQty = sums[0];
        final double askQty = sums[1];
        slots[out] = normalised ? (bidQty - askQty) / (bidQty + askQty) : bidQty - askQty;
    }

    @Override
    public void reset() {
    }
}
