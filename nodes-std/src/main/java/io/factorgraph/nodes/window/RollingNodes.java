package io.factorgraph.nodes.window;

import io.factorgraph.runtime.spi.Functions;
import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.TickTime;
import io.factorgraph.runtime.spi.WindowLength;
import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;
import java.util.List;
import java.util.function.Function;

/**
 * Statistics over a window given as a count W (the last W ticks including the current one; fewer during
 * warm-up) or as a duration D (the samples whose tick time lies in {@code (t - D, t]}, docs/DESIGN.md §11).
 * NaN occupies its tick but is left out of counts and sums; a window with no valid value gives NaN.
 * Standard deviations are population ones (ddof = 0), as numpy's default. A duration window's memory is
 * {@code D / interval + 1} samples under a clock, else it grows with the samples inside the window up to
 * {@link io.factorgraph.runtime.spi.WindowLength#MAX_SAMPLES_WITHOUT_CLOCK}, past which the run stops with a
 * {@link io.factorgraph.runtime.spi.WindowCapacityException}.
 */
public final class RollingNodes {
    private RollingNodes() {}

    public static List<NodeFunction> functions() {
        return List.of(
                define("rolling_mean", "mean of the last W ticks or D of time (NaN-skipping)", Mean::new, RING),
                define("rolling_std", "population std of the last W ticks or D of time (NaN-skipping)", Std::new, RING),
                define(
                        "zscore",
                        "(x - mean) / std over the last W ticks or D of time; 0 when std <= 1e-10",
                        ZScoreNode::new,
                        RING),
                define("rolling_sum", "sum of the last W ticks or D of time (NaN-skipping)", Sum::new, RING),
                define("rolling_min", "minimum of the last W ticks or D of time (NaN-skipping)", Min::new, DEQUE),
                define("rolling_max", "maximum of the last W ticks or D of time (NaN-skipping)", Max::new, DEQUE));
    }

    /**
     * A {@link SampleRing} of the window's values, and their times for a duration window: {@link RollingMoments},
     * {@link RollingSum}.
     */
    static final Functions.Retention RING = Functions.Retention.perSample("window", Double.BYTES, Long.BYTES);

    /**
     * {@link RollingMax}'s deque: a key and a value per slot, slots a power of two at least the samples the
     * window can hold.
     */
    private static final Functions.Retention DEQUE = arguments -> {
        WindowLength window = arguments.window("window");
        long samples = window.maxSamples(arguments.clockNanos());
        long capacity = samples <= 1 ? 1 : Long.highestOneBit(samples - 1) << 1;
        return capacity * (Long.BYTES + Double.BYTES);
    };

    private static NodeFunction define(
            String name, String description, Function<LinkContext, Node> linker, Functions.Retention retention) {
        return Functions.define(
                Signature.of(
                        name,
                        io.factorgraph.runtime.spi.ValueType.DOUBLE,
                        description,
                        Parameter.doubleStream("x"),
                        Parameter.window("window")),
                linker,
                retention);
    }

    /** The shape of a windowed node: one input slot, one output slot, a window length, the tick's time. */
    abstract static class WindowNode extends Node {
        protected final double[] slots;
        protected final int in;
        protected final int out;
        protected final TickTime time;

        WindowNode(LinkContext context) {
            this.slots = context.slots();
            this.in = context.slot("x");
            this.out = context.outputSlot();
            this.time = context.time();
        }

        static RollingMoments moments(LinkContext context) {
            return new RollingMoments(context.window("window"), context.clockNanos(), context.describeNode());
        }
    }

    static final class Mean extends WindowNode {
        private final RollingMoments moments;

        Mean(LinkContext context) {
            super(context);
            this.moments = moments(context);
        }

        @Override
        public void update() {
            moments.onValue(time.nanos(), slots[in]);
            slots[out] = moments.mean();
        }

        @Override
        public void reset() {
            moments.reset();
        }

        @Override
        public void writeState(StateWriter out) {
            moments.writeState(out);
        }

        @Override
        public void readState(StateReader in) {
            moments.readState(in);
        }
    }

    static final class Std extends WindowNode {
        private final RollingMoments moments;

        Std(LinkContext context) {
            super(context);
            this.moments = moments(context);
        }

        @Override
        public void update() {
            moments.onValue(time.nanos(), slots[in]);
            slots[out] = moments.std();
        }

        @Override
        public void reset() {
            moments.reset();
        }

        @Override
        public void writeState(StateWriter out) {
            moments.writeState(out);
        }

        @Override
        public void readState(StateReader in) {
            moments.readState(in);
        }
    }

    static final class ZScoreNode extends WindowNode {
        private final RollingMoments moments;

        ZScoreNode(LinkContext context) {
            super(context);
            this.moments = moments(context);
        }

        @Override
        public void update() {
            final double x = slots[in];
            moments.onValue(time.nanos(), x);
            slots[out] = ZScore.of(x, moments.mean(), moments.std());
        }

        @Override
        public void reset() {
            moments.reset();
        }

        @Override
        public void writeState(StateWriter out) {
            moments.writeState(out);
        }

        @Override
        public void readState(StateReader in) {
            moments.readState(in);
        }
    }

    static final class Sum extends WindowNode {
        private final RollingSum sum;

        Sum(LinkContext context) {
            super(context);
            this.sum = new RollingSum(context.window("window"), context.clockNanos(), context.describeNode());
        }

        @Override
        public void update() {
            sum.onValue(time.nanos(), slots[in]);
            slots[out] = sum.sum();
        }

        @Override
        public void reset() {
            sum.reset();
        }

        @Override
        public void writeState(StateWriter out) {
            sum.writeState(out);
        }

        @Override
        public void readState(StateReader in) {
            sum.readState(in);
        }
    }

    static final class Min extends WindowNode {
        private final RollingMin min;

        Min(LinkContext context) {
            super(context);
            this.min = new RollingMin(context.window("window"), context.clockNanos(), context.describeNode());
        }

        @Override
        public void update() {
            min.onValue(time.nanos(), slots[in]);
            slots[out] = min.min();
        }

        @Override
        public void reset() {
            min.reset();
        }

        @Override
        public void writeState(StateWriter out) {
            min.writeState(out);
        }

        @Override
        public void readState(StateReader in) {
            min.readState(in);
        }
    }

    static final class Max extends WindowNode {
        private final RollingMax max;

        Max(LinkContext context) {
            super(context);
            this.max = new RollingMax(context.window("window"), context.clockNanos(), context.describeNode());
        }

        @Override
        public void update() {
            max.onValue(time.nanos(), slots[in]);
            slots[out] = max.max();
        }

        @Override
        public void reset() {
            max.reset();
        }

        @Override
        public void writeState(StateWriter out) {
            max.writeState(out);
        }

        @Override
        public void readState(StateReader in) {
            max.readState(in);
        }
    }
}
