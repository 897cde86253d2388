package io.factorgraph.nodes.book;

import io.factorgraph.runtime.market.OrderBook;
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
 * Prices read off the book's best levels, in price units: {@code mid}, {@code best_bid},
 * {@code best_ask}, {@code spread}, {@code microprice}. NaN while a side is empty.
 */
public final class BookPrices {
    private BookPrices() {}

    public static List<NodeFunction> functions() {
        return List.of(
                define("mid", "(best bid + best ask) / 2", Mid::new),
                define("best_bid", "the best bid price", BestBid::new),
                define("best_ask", "the best ask price", BestAsk::new),
                define("spread", "best ask - best bid", Spread::new),
                define(
                        "microprice",
                        "best prices weighted by the opposite side's quantity: "
                                + "(bid * ask_qty + ask * bid_qty) / (bid_qty + ask_qty)",
                        Microprice::new));
    }

    private static NodeFunction define(String name, String description, Function<LinkContext, Node> linker) {
        return Functions.define(Signature.of(name, ValueType.DOUBLE, description, Parameter.book("book")), linker);
    }

    /** The shape of a node that reads one book and writes one slot. */
    abstract static class BookNode extends Node {
        protected final OrderBook book;
        protected final double[] slots;
        protected final int out;

        BookNode(LinkContext context) {
            this.book = context.book("book");
            this.slots = context.slots();
            this.out = context.outputSlot();
        }

        @Override
        public final void reset() {}
    }

    static final class Mid extends BookNode {
        Mid(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = (book.bestBid() + book.bestAsk()) * 0.5;
        }
    }

    static final class BestBid extends BookNode {
        BestBid(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = book.bestBid();
        }
    }

    static final class BestAsk extends BookNode {
        BestAsk(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = book.bestAsk();
        }
    }

    static final class Spread extends BookNode {
        Spread(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            slots[out] = book.bestAsk() - book.bestBid();
        }
    }

    static final class Microprice extends BookNode {
        Microprice(LinkContext context) {
            super(context);
        }

        @Override
        public void update() {
            final double bidQty = book.bestBidQty();
            final double askQty = book.bestAskQty();
            slots[out] = (book.bestBid() * askQty + book.bestAsk() * bidQty) / (bidQty + askQty);
        }
    }
}
