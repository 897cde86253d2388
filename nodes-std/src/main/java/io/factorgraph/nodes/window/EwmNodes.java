package io.factorgraph.nodes.window;

import io.factorgraph.runtime.spi.ConstantKind;
import io.factorgraph.runtime.spi.Functions;
import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Range;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.TickTime;
import io.factorgraph.runtime.spi.ValueType;
import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;
import java.util.List;
import java.util.function.Function;

/**
 * Exponentially weighted mean and std (seed §3.1): by span ({@code a = 2/(span+1)}) or by half-life
 * ({@code a = 1 - 0.5^(1/halflife)}). The first valid value sets the mean with variance 0; a NaN
 * tick leaves the state as it was.
 *
 * <p>A half-life given as a duration ({@code ewm_mean_halflife(x, 30s)}) decays by elapsed time
 * (docs/DESIGN.md §11): between consecutive valid samples {@code Δt} apart the old state keeps weight
 * {@code 2^(-Δt/h)} and the new sample gets {@code a = 1 - 2^(-Δt/h)}. On a clock of interval {@code I}
 * with no NaN this is the count form with {@code halflife = h / I} ticks, to the bit; two samples at the same
 * time ({@code Δt = 0}) leave the state as the first of them set it; a NaN tick is skipped and its time
 * counts towards the next valid sample's {@code Δt}.
 */
public final class EwmNodes {
    private EwmNodes() {}

    public static List<NodeFunction> functions() {
        Parameter span = Parameter.constant("span", ConstantKind.NUMBER, Range.atLeast(1));
        Parameter halflife = Parameter.constant("halflife", ConstantKind.NUMBER_OR_DURATION, Range.positive());
        return List.of(
                define("ewm_mean", false, "by span", span, bySpan(false)),
                define("ewm_std", true, "by span", span, bySpan(true)),
                define("ewm_mean_halflife", false, HALFLIFE, halflife, byHalflife(false)),
                define("ewm_std_halflife", true, HALFLIFE, halflife, byHalflife(true)));
    }

    private static final String HALFLIFE = "by half-life: in ticks, or a duration decaying by elapsed time";

    private static Function<LinkContext, Node> bySpan(boolean std) {
        return context -> new Ewm(context, EwmStats.ofSpan(context.number("span")), std);
    }

    private static Function<LinkContext, Node> byHalflife(boolean std) {
        return context -> context.isDuration("halflife")
                ? new ElapsedEwm(context, context.durationNanos("halflife"), std)
                : new Ewm(context, EwmStats.ofHalflife(context.number("halflife")), std);
    }

    private static NodeFunction define(
            String name, boolean std, String by, Parameter parameter, Function<LinkContext, Node> linker) {
        String description = "exponentially weighted " + (std ? "population std" : "mean") + " " + by;
        return Functions.define(
                Signature.of(name, ValueType.DOUBLE, description, Parameter.doubleStream("x"), parameter), linker);
    }

    static final class Ewm extends Node {
        private final double[] slots;
        private final int in;
        private final int out;
        private final EwmStats stats;
        private final boolean std;

        Ewm(LinkContext context, EwmStats stats, boolean std) {
            this.slots = context.slots();
            this.in = context.slot("x");
            this.out = context.outputSlot();
            this.stats = stats;
            this.std = std;
        }

        @Override
        public void update() {
            stats.onValue(slots[in]);
            slots[out] = std ? stats.std() : stats.mean();
        }

        @Override
        public void reset() {
            stats.reset();
        }

        @Override
        public void writeState(StateWriter out) {
            stats.writeState(out);
        }

        @Override
        public void readState(StateReader in) {
            stats.readState(in);
        }
    }

    /**
     * The half-life in time: {@code a = 1 - 2^(-Δt/h)} per valid sample, computed as the count form's
     * {@code -expm1(ln(0.5) / (h/Δt))} so that a regular clock gives the count form's doubles exactly, and
     * cached for the last {@code Δt} (on a clock it is always the interval) so a tick costs no {@code expm1}.
     */
    static final class ElapsedEwm extends Node {
        private static final double LN_HALF = Math.log(0.5);

        private final double[] slots;
        private final int in;
        private final int out;
        private final TickTime time;
        private final double halflifeNanos;
        private final EwmStats stats = EwmStats.ofAlpha(1.0);
        private final boolean std;
        private long lastTime;
        private long cachedElapsed = -1;
        private double cachedAlpha;
        private double cachedDecay;

        ElapsedEwm(LinkContext context, long halflifeNanos, boolean std) {
            this.slots = context.slots();
            this.in = context.slot("x");
            this.out = context.outputSlot();
            this.time = context.time();
            this.halflifeNanos = halflifeNanos;
            this.std = std;
        }

        @Override
        public void update() {
            final double x = slots[in];
            if (!Double.isNaN(x)) {
                final long now = time.nanos();
                final long elapsed = stats.count() == 0 ? 0 : Math.max(0, now - lastTime);
                if (elapsed != cachedElapsed) {
                    cachedElapsed = elapsed;
                    final double exponent = LN_HALF / (halflifeNanos / elapsed);
                    cachedAlpha = -Math.expm1(exponent);
                    // 1 - a is what the count form uses (so a clock gives its doubles); once a > 1/2 it has lost
                    // the digits of a small decay, which exp keeps: after a long silence the old state's weight.
                    cachedDecay = cachedAlpha > 0.5 ? Math.exp(exponent) : 1.0 - cachedAlpha;
                }
                stats.onValue(x, cachedAlpha, cachedDecay);
                lastTime = now;
            }
            slots[out] = std ? stats.std() : stats.mean();
        }

        @Override
        public void reset() {
            stats.reset();
            lastTime = 0;
            cachedElapsed = -1;
        }

        @Override
        public void writeState(StateWriter out) {
            stats.writeState(out);
            out.writeLong(lastTime);
            out.writeLong(cachedElapsed);
            out.writeDouble(cachedAlpha);
            out.writeDouble(cachedDecay);
        }

        @Override
        public void readState(StateReader in) {
            stats.readState(in);
            lastTime = in.readLong();
            cachedElapsed = in.readLong();
            cachedAlpha = in.readDouble();
            cachedDecay = in.readDouble();
        }
    }
}
