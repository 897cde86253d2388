package io.factorgraph.nodes.book;

import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.spi.ConstantKind;
import io.factorgraph.runtime.spi.FunctionDefinition;
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
 * divides the difference by the sum, giving a value in [-1, 1]. NaN while a side is empty.
 *
 * <p>Summation (docs/DESIGN.md §4): each side's quantity is the exact decimal sum of its band's levels,
 * correctly rounded once ({@link OrderBook#bidQtyAtOrAbove}), which the book keeps as it changes, so a
 * tick costs O(1) amortised whatever the band's width. hftbacktest adds the doubles level by level, best
 * first, rounding at each addition; the two agree to within that walk's own rounding error, at most half
 * an ulp of the running sum per level, and the sum here is the closer one to the true total. When a
 * quantity cannot be counted in exact lots the book falls back to the level-by-level sum.
 */
public final class OrderBookImbalance extends Node {
    public static List<FunctionDefinition> functions() {
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
        if (book.bidDepth() == 0 || book.askDepth() == 0) {
            slots[out] = Double.NaN;
            return;
        }
        final double mid = (book.bestBid() + book.bestAsk()) / 2.0;
        final double bidQty = book.bidQtyAtOrAbove(mid * (1 - depth));
        final double askQty = book.askQtyAtOrBelow(mid * (1 + depth));
        slots[out] = normalised ? (bidQty - askQty) / (bidQty + askQty) : bidQty - askQty;
    }

    @Override
    public void reset() {
    }
}
