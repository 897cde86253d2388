package io.factorgraph.nodes.window;

import io.factorgraph.runtime.spi.ConstantKind;
import io.factorgraph.runtime.spi.Functions;
import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Range;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.ValueType;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Exponentially weighted mean and std (seed §3.1): by span ({@code a = 2/(span+1)}) or by half-life
 * ({@code a = 1 - 0.5^(1/halflife)}). The first valid value sets the mean with variance 0; a NaN
 * tick leaves the state as it was.
 */
public final class EwmNodes {
    private EwmNodes() {}

    public static List<NodeFunction> functions() {
        return List.of(
                define("ewm_mean", "span", Range.atLeast(1), EwmStats::ofSpan, false),
                define("ewm_std", "span", Range.atLeast(1), EwmStats::ofSpan, true),
                define("ewm_mean_halflife", "halflife", Range.positive(), EwmStats::ofHalflife, false),
                define("ewm_std_halflife", "halflife", Range.positive(), EwmStats::ofHalflife, true));
    }

    private static NodeFunction define(
            String name, String parameter, Range range, DoubleFunction<EwmStats> stats, boolean std) {
        String description = "exponentially weighted " + (std ? "population std" : "mean") + " by " + parameter;
        return Functions.define(
                Signature.of(
                        name,
                        ValueType.DOUBLE,
                        description,
                        Parameter.doubleStream("x"),
                        Parameter.constant(parameter, ConstantKind.NUMBER, range)),
                context -> new Ewm(context, stats.apply(context.number(parameter)), std));
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
    }
}
