package io.factorgraph.nodes;

import io.factorgraph.nodes.book.BookPrices;
import io.factorgraph.nodes.book.OrderBookImbalance;
import io.factorgraph.nodes.operator.Arithmetic;
import io.factorgraph.nodes.operator.Comparison;
import io.factorgraph.nodes.operator.Elementwise;
import io.factorgraph.nodes.operator.Logic;
import io.factorgraph.nodes.series.Change;
import io.factorgraph.nodes.series.Diff;
import io.factorgraph.nodes.series.Lag;
import io.factorgraph.nodes.signal.StopLoss;
import io.factorgraph.nodes.strategy.StatelessMm;
import io.factorgraph.nodes.window.EwmNodes;
import io.factorgraph.nodes.window.RollingNodes;
import io.factorgraph.nodes.window.Volatility;
import io.factorgraph.runtime.spi.FunctionDefinition;
import io.factorgraph.runtime.spi.FunctionLibrary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The standard library: operators, series transforms, rolling statistics and the spec's nodes. */
public final class StandardLibrary implements FunctionLibrary {
    @Override
    public String name() {
        return "factorgraph-std";
    }

    @Override
    public Collection<FunctionDefinition> functions() {
        List<FunctionDefinition> functions = new ArrayList<>();
        functions.addAll(Arithmetic.functions());
        functions.addAll(Comparison.functions());
        functions.addAll(Logic.functions());
        functions.addAll(Elementwise.functions());
        functions.add(Lag.FUNCTION);
        functions.add(Diff.FUNCTION);
        functions.add(Change.FUNCTION);
        functions.add(StopLoss.FUNCTION);
        functions.addAll(BookPrices.functions());
        functions.addAll(OrderBookImbalance.functions());
        functions.addAll(RollingNodes.functions());
        functions.addAll(EwmNodes.functions());
        functions.add(Volatility.FUNCTION);
        functions.add(StatelessMm.FUNCTION);
        return functions;
    }
}
