package io.factorgraph.runtime.spi;

import io.factorgraph.runtime.execution.StrategySink;

/**
 * A function usable as a graph's {@code sink}: not a node but the graph's terminal consumer, bound with its
 * constant arguments to a {@link StrategySink} that an execution context (a backtest, a live strategy) runs
 * after each tick. What it reads is declared as values in its {@link SinkDeclaration} (the factor streams,
 * the book it trades, the execution context), so the compiler binds each by what it is, never by a name.
 */
public non-sealed interface SinkFunction extends FunctionDefinition {
    /** What the sink reads and which constants it takes; its signature is derived from it. */
    SinkDeclaration declaration();

    @Override
    default Signature signature() {
        return declaration().signature();
    }

    /** Makes the sink's state for one run from its constant arguments (after defaults, validated). */
    StrategySink bind(ConstantArguments constants);

    /**
     * The terms the execution context trades on for these constant arguments: the price grid its orders
     * are on and the inventory it may hold. Read by the backtest and the live processes, which must agree
     * with the sink on both.
     */
    TradingTerms terms(ConstantArguments constants);
}
