package io.factorgraph.runtime.sweep;

import io.factorgraph.runtime.execution.StrategySink;
import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.spi.ConstantArguments;
import io.factorgraph.runtime.spi.ConstantKind;
import io.factorgraph.runtime.spi.FunctionDefinition;
import io.factorgraph.runtime.spi.FunctionLibrary;
import io.factorgraph.runtime.spi.Functions;
import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Range;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.SinkDeclaration;
import io.factorgraph.runtime.spi.SinkFunction;
import io.factorgraph.runtime.spi.SinkRequirement;
import io.factorgraph.runtime.spi.TradingTerms;
import io.factorgraph.runtime.spi.ValueType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The shape of {@code examples/obi_mm.fg} for the runtime's own tests, which cannot see the standard library:
 * a band imbalance and a mid read from the book, a windowed z-score and a windowed standard deviation, and a
 * market-making sink whose {@code half_spread} is cross-checked against its {@code max_spread}. Not registered
 * as a service: a test makes its registry with it.
 */
public final class SweepLibrary implements FunctionLibrary {
    static final String SOURCE = """
            param depth = 0.001
            param window = 60
            param half_spread = 0.00002
            param skew = 0.00001
            clock every 100ms
            obi = band(book, depth)
            alpha = zs(obi, window)
            mid = bmid(book)
            vol = wstd(mid, window)
            output alpha, vol
            sink mm(alpha, vol, mid, half_spread = half_spread, skew = skew, max_spread = 0.001)
            """;

    @Override
    public String name() {
        return "sweep-test";
    }

    @Override
    public Collection<FunctionDefinition> functions() {
        return List.of(
                Functions.define(
                        Signature.of(
                                "band",
                                ValueType.DOUBLE,
                                "bid minus ask quantity over the quantity within depth of the mid",
                                Parameter.book("book"),
                                Parameter.constant("depth", ConstantKind.NUMBER, Range.positive())),
                        Band::new),
                Functions.define(
                        Signature.of("bmid", ValueType.DOUBLE, "the book's mid", Parameter.book("book")), Mid::new),
                Functions.define(
                        Signature.of(
                                "zs",
                                ValueType.DOUBLE,
                                "z-score over the last n values",
                                Parameter.doubleStream("x"),
                                Parameter.window("n")),
                        c -> new Windowed(c, true),
                        Functions.Retention.perTick("n", 0, Double.BYTES)),
                Functions.define(
                        Signature.of(
                                "wstd",
                                ValueType.DOUBLE,
                                "standard deviation over the last n values",
                                Parameter.doubleStream("x"),
                                Parameter.window("n")),
                        c -> new Windowed(c, false),
                        Functions.Retention.perTick("n", 0, Double.BYTES)),
                new MarketMaker());
    }

    /** {@code mm(alpha, vol, mid, half_spread, skew, max_spread)}: reads its factors, sends nothing. */
    static final class MarketMaker implements SinkFunction {
        private static final SinkDeclaration DECLARATION = SinkDeclaration.of(
                "mm",
                "a market maker that sends nothing",
                List.of(
                        SinkRequirement.factor("alpha"),
                        SinkRequirement.factor("vol"),
                        SinkRequirement.factor("mid"),
                        SinkRequirement.tradedBook("book"),
                        SinkRequirement.execution()),
                List.of(
                        new Parameter.Const("half_spread", ConstantKind.NUMBER, Optional.empty(), Range.positive()),
                        new Parameter.Const("skew", ConstantKind.NUMBER, Optional.empty(), Range.ANY),
                        new Parameter.Const("max_spread", ConstantKind.NUMBER, Optional.empty(), Range.positive())));

        @Override
        public SinkDeclaration declaration() {
            return DECLARATION;
        }

        @Override
        public void validate(ConstantArguments arguments, io.factorgraph.runtime.spi.ArgumentProblems problems) {
            if (arguments.number("half_spread") > arguments.number("max_spread")) {
                problems.error(
                        "half_spread",
                        "half_spread " + arguments.number("half_spread") + " is wider than max_spread "
                                + arguments.number("max_spread"),
                        "lower half_spread");
            }
        }

        @Override
        public StrategySink bind(ConstantArguments constants) {
            return (time, inputs, gateway) -> {};
        }

        @Override
        public TradingTerms terms(ConstantArguments constants) {
            return new TradingTerms(0.1, 0.02);
        }
    }

    static final class Band extends Node {
        private final double[] slots;
        private final OrderBook book;
        private final double depth;
        private final int out;

        Band(LinkContext context) {
            this.slots = context.slots();
            this.book = context.book("book");
            this.depth = context.number("depth");
            this.out = context.outputSlot();
        }

        @Override
        public void update() {
            double mid = book.mid();
            slots[out] = book.isReady() ? book.bandImbalance(mid * (1 - depth), mid * (1 + depth)) : Double.NaN;
        }

        @Override
        public void reset() {}
    }

    static final class Mid extends Node {
        private final double[] slots;
        private final OrderBook book;
        private final int out;

        Mid(LinkContext context) {
            this.slots = context.slots();
            this.book = context.book("book");
            this.out = context.outputSlot();
        }

        @Override
        public void update() {
            slots[out] = book.isReady() ? book.mid() : Double.NaN;
        }

        @Override
        public void reset() {}
    }

    /** A z-score or a standard deviation over a ring of the last n values, NaN until it is full. */
    static final class Windowed extends Node {
        private final double[] slots;
        private final int in;
        private final int out;
        private final boolean score;
        private final double[] ring;
        private int next;
        private int count;
        private double sum;
        private double sumSquares;

        Windowed(LinkContext context, boolean score) {
            this.slots = context.slots();
            this.in = context.slot("x");
            this.out = context.outputSlot();
            this.score = score;
            this.ring = new double[context.integer("n")];
        }

        @Override
        public void update() {
            double x = slots[in];
            if (Double.isNaN(x)) {
                slots[out] = Double.NaN;
                return;
            }
            double old = ring[next];
            if (count == ring.length) {
                sum -= old;
                sumSquares -= old * old;
            } else {
                count++;
            }
            ring[next] = x;
            next = (next + 1) % ring.length;
            sum += x;
            sumSquares += x * x;
            double mean = sum / count;
            double sd = Math.sqrt(Math.max(0, sumSquares / count - mean * mean));
            slots[out] = count < ring.length ? Double.NaN : score ? (x - mean) / sd : sd;
        }

        @Override
        public void reset() {
            java.util.Arrays.fill(ring, 0);
            next = 0;
            count = 0;
            sum = 0;
            sumSquares = 0;
        }
    }
}
