package io.factorgraph.nodes.strategy;

import io.factorgraph.runtime.execution.StrategySink;
import io.factorgraph.runtime.spi.ArgumentProblems;
import io.factorgraph.runtime.spi.Constant;
import io.factorgraph.runtime.spi.ConstantArguments;
import io.factorgraph.runtime.spi.ConstantKind;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Range;
import io.factorgraph.runtime.spi.SinkDeclaration;
import io.factorgraph.runtime.spi.SinkFunction;
import io.factorgraph.runtime.spi.SinkRequirement;
import io.factorgraph.runtime.spi.TradingTerms;
import java.util.List;

/**
 * {@code stateless_mm} as a sink function: it reads three factors (alpha, volatility, stop), trades one
 * book (the graph's only one unless named with {@code book = NAME}) and works orders through its execution
 * context; its constants are {@link StrategyParams}, checked at compile time by {@link StrategyParams#check}.
 */
final class StatelessMmFunction implements SinkFunction {
    private static final SinkDeclaration DECLARATION = SinkDeclaration.of(
            StatelessMm.NAME,
            "stateless market making: a quote grid around an alpha-shifted, inventory-skewed fair price; "
                    + "cancels and flattens on stop",
            List.of(
                    SinkRequirement.factor(StatelessMm.ALPHA),
                    SinkRequirement.factor(StatelessMm.VOL),
                    SinkRequirement.signal(StatelessMm.STOP),
                    SinkRequirement.tradedBook(StatelessMm.BOOK),
                    SinkRequirement.execution()),
            List.of(
                    number(StrategyParams.TICK_SIZE, Range.positive()),
                    number(StrategyParams.ORDER_QTY, Range.positive()),
                    number(StrategyParams.MAX_POSITION, Range.positive()),
                    number(StrategyParams.HALF_SPREAD, Range.atLeast(0)),
                    number(StrategyParams.SKEW, Range.atLeast(0)),
                    number(StrategyParams.C1, Range.ANY),
                    number(StrategyParams.POWER, Range.atLeast(0)),
                    number(StrategyParams.BASELINE_VOL, Range.positive()),
                    new Parameter.Const(
                            StrategyParams.GRID_NUM,
                            ConstantKind.INTEGER,
                            java.util.Optional.of(Constant.number(StrategyParams.DEFAULT_GRID_NUM)),
                            Range.between(1, StrategyParams.MAX_GRID_NUM)),
                    new Parameter.Const(
                            StrategyParams.GRID_INTERVAL,
                            ConstantKind.NUMBER,
                            java.util.Optional.of(Constant.number(0)),
                            Range.atLeast(0)),
                    new Parameter.Const(
                            StrategyParams.FLATTEN_TICKS,
                            ConstantKind.INTEGER,
                            java.util.Optional.of(Constant.number(StrategyParams.DEFAULT_FLATTEN_TICKS)),
                            Range.atLeast(1))));

    private static Parameter.Const number(String name, Range range) {
        return new Parameter.Const(name, ConstantKind.NUMBER, java.util.Optional.empty(), range);
    }

    @Override
    public SinkDeclaration declaration() {
        return DECLARATION;
    }

    @Override
    public void validate(ConstantArguments arguments, ArgumentProblems problems) {
        double tick = arguments.number(StrategyParams.TICK_SIZE);
        double interval = arguments.number(StrategyParams.GRID_INTERVAL);
        StrategyParams.check(
                tick,
                arguments.number(StrategyParams.ORDER_QTY),
                arguments.number(StrategyParams.MAX_POSITION),
                arguments.number(StrategyParams.HALF_SPREAD),
                arguments.number(StrategyParams.SKEW),
                arguments.number(StrategyParams.C1),
                arguments.number(StrategyParams.POWER),
                arguments.number(StrategyParams.BASELINE_VOL),
                (int) arguments.integer(StrategyParams.GRID_NUM),
                interval == 0 ? tick : interval,
                (int) arguments.integer(StrategyParams.FLATTEN_TICKS),
                problems);
    }

    /** Its order buffers: a bid and an ask per grid level, each a price and a quantity. */
    @Override
    public long retainedBytes(ConstantArguments arguments) {
        return 2 * 16 * arguments.integer(StrategyParams.GRID_NUM);
    }

    @Override
    public StrategySink bind(ConstantArguments constants) {
        return new StatelessMmSink(StrategyParams.fromConstants(constants.values()));
    }

    @Override
    public TradingTerms terms(ConstantArguments constants) {
        StrategyParams params = StrategyParams.fromConstants(constants.values());
        return new TradingTerms(params.tickSize(), params.maxPosition());
    }

    @Override
    public String toString() {
        return DECLARATION.toString();
    }
}
