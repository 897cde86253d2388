package io.factorgraph.nodes.signal;

import io.factorgraph.runtime.spi.ConstantKind;
import io.factorgraph.runtime.spi.Functions;
import io.factorgraph.runtime.spi.LinkContext;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Range;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.ValueType;

/**
 * {@code stop_loss(vol, chg, ...)}: true when volatility has risen too far above its baseline, or
 * the last change is too many baseline deviations large:
 * {@code (vol - baseline_vol)/baseline_vol > vol_threshold or |chg|/baseline_change_std > change_threshold}.
 * The baselines are range-checked at compile time, so the divisions are always defined. A NaN
 * input makes its comparison false; the strategy guards non-finite factors itself.
 */
public final class StopLoss extends Node {
    public static final NodeFunction FUNCTION = Functions.define(
            Signature.of(
                    "stop_loss",
                    ValueType.BOOL,
                    "volatility or a price change far beyond its baseline: the strategy flattens and stops quoting",
                    Parameter.doubleStream("vol"),
                    Parameter.doubleStream("chg"),
                    Parameter.constant("vol_threshold", ConstantKind.NUMBER, Range.ANY),
                    Parameter.constant("change_threshold", ConstantKind.NUMBER, Range.ANY),
                    Parameter.constant("baseline_vol", ConstantKind.NUMBER, Range.positive()),
                    Parameter.constant("baseline_change_std", ConstantKind.NUMBER, Range.positive())),
            StopLoss::new);

    private final double[] slots;
    private final int vol;
    private final int chg;
    private final int out;
    private final double volThreshold;
    private final double changeThreshold;
    private final double baselineVol;
    private final double baselineChangeStd;

    private StopLoss(LinkContext context) {
        this.slots = context.slots();
        this.vol = context.slot("vol");
        this.chg = context.slot("chg");
        this.out = context.outputSlot();
        this.volThreshold = context.number("vol_threshold");
        this.changeThreshold = context.number("change_threshold");
        this.baselineVol = context.number("baseline_vol");
        this.baselineChangeStd = context.number("baseline_change_std");
    }

    @Override
    public void update() {
        final boolean tooVolatile = (slots[vol] - baselineVol) / baselineVol > volThreshold;
        final boolean jump = Math.abs(slots[chg]) / baselineChangeStd > changeThreshold;
        slots[out] = tooVolatile || jump ? 1.0 : 0.0;
    }

    @Override
    public void reset() {}
}
