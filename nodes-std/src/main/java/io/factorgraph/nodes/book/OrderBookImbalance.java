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
 * divides the difference by the sum, giving a value in [-1, 1]. Cost: O(levels inside the band),
 * walking outward from the best level; NaN while a side is empty.
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
        final int bids = book.bidDepth();
        final int asks = book.askDepth();
        if (bids == 0 || asks == 0) {
            slots[out] = Double.NaN;
            return;
        }
        final double mid = (book.bidPrice(0) + book.askPrice(0)) / 2.0;
        final double bidBound = mid * (1 - depth);
        final double askBound = mid * (1 + depth);
        // Prices move away from the mid level by level, so the levels in the band are a prefix of each
        // side: find its length by bisection, then sum with plain counted loops. The two sums are
        // interleaved so that their additions overlap (each is a chain of dependent adds, which is what
        // bounds a long walk), and each is still added best level first, as the definition reads, so
        // the result is the same to the bit as the level-by-level walk.
        final int bidLevels = bidsInBand(book, bids, bidBound);
        final int askLevels = asksInBand(book, asks, askBound);
        final int both = Math.min(bidLevels, askLevels);
        double bidQty = 0;
        double askQty = 0;
        int i = 0;
        for (; i < both; i++) {
            bidQty += book.bidQty(i);
            askQty += book.askQty(i);
        }
        for (int j = i; j < bidLevels; j++) {
            bidQty += book.bidQty(j);
        }
        for (int j = i; j < askLevels; j++) {
            askQty += book.askQty(j);
        }
        slots[out] = normalised ? (bidQty - askQty) / (bidQty + askQty) : bidQty - askQty;
    }

    /** Number of leading bid levels priced {@code >= bound} (bid prices fall with the level). */
    private static int bidsInBand(OrderBook book, int levels, double bound) {
        int lo = 0;
        int hi = levels;
        while (lo < hi) {
            final int m = (lo + hi) >>> 1;
            if (book.bidPrice(m) >= bound) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo;
    }

    /** Number of leading ask levels priced {@code <= bound} (ask prices rise with the level). */
    private static int asksInBand(OrderBook book, int levels, double bound) {
        int lo = 0;
        int hi = levels;
        while (lo < hi) {
            final int m = (lo + hi) >>> 1;
            if (book.askPrice(m) <= bound) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo;
    }

    @Override
    public void reset() {
    }
}
