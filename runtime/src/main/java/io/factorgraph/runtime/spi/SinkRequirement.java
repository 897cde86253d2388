package io.factorgraph.runtime.spi;

/**
 * One thing a sink reads, declared as a value: the compiler binds each kind by what it is (a factor from
 * the call's arguments, the traded book from the graph's books, the execution context from whoever runs
 * the sink) instead of by a parameter's name.
 */
public sealed interface SinkRequirement
        permits SinkRequirement.Factor, SinkRequirement.TradedBook, SinkRequirement.Execution {

    /**
     * A double or bool stream of the graph, read each tick as
     * {@link io.factorgraph.runtime.execution.SinkInputs#argument(int)} with the factor's position among
     * the declaration's factors.
     */
    record Factor(String name, ValueType type) implements SinkRequirement {
        public Factor {
            if (type == ValueType.BOOK) {
                throw new IllegalArgumentException("factor '" + name + "' must be a double or bool stream; declare "
                        + "the traded book with SinkRequirement.tradedBook");
            }
        }
    }

    /**
     * The book of the instrument the sink trades, whose best levels it reads. Passed as the argument
     * {@code name = BOOK}; when left out, the graph's only book.
     */
    record TradedBook(String name) implements SinkRequirement {}

    /** Position and working orders, which only the execution context knows (its order gateway). */
    record Execution() implements SinkRequirement {}

    static Factor factor(String name) {
        return new Factor(name, ValueType.DOUBLE);
    }

    static Factor signal(String name) {
        return new Factor(name, ValueType.BOOL);
    }

    static TradedBook tradedBook(String name) {
        return new TradedBook(name);
    }

    static Execution execution() {
        return new Execution();
    }
}
