package io.factorgraph.runtime.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sink reads ({@link SinkRequirement}s) and which constants it takes, from which its signature is
 * made: factors and the traded book become stream parameters in declaration order, then the constants.
 * A sink trades at most one book (a graph trading several instruments has one sink per instrument); the
 * execution context is not an argument. Immutable.
 */
public final class SinkDeclaration {
    private final List<SinkRequirement> requirements;
    private final List<SinkRequirement.Factor> factors;
    private final Optional<SinkRequirement.TradedBook> tradedBook;
    private final boolean needsExecution;
    private final Signature signature;

    private SinkDeclaration(List<SinkRequirement> requirements, Signature signature) {
        this.requirements = List.copyOf(requirements);
        this.factors = requirements.stream()
                .filter(r -> r instanceof SinkRequirement.Factor)
                .map(r -> (SinkRequirement.Factor) r)
                .toList();
        this.tradedBook = requirements.stream()
                .filter(r -> r instanceof SinkRequirement.TradedBook)
                .map(r -> (SinkRequirement.TradedBook) r)
                .findFirst();
        this.needsExecution = requirements.stream().anyMatch(r -> r instanceof SinkRequirement.Execution);
        this.signature = signature;
    }

    /**
     * @throws IllegalArgumentException when it declares more than one traded book, or a parameter name twice
     */
    public static SinkDeclaration of(
            String name, String description, List<SinkRequirement> requirements, List<Parameter.Const> constants) {
        Objects.requireNonNull(name, "name");
        List<Parameter> parameters = new ArrayList<>();
        int books = 0;
        for (SinkRequirement requirement : requirements) {
            switch (requirement) {
                case SinkRequirement.Factor factor -> parameters.add(Parameter.stream(factor.name(), factor.type()));
                case SinkRequirement.TradedBook book -> {
                    books++;
                    parameters.add(Parameter.book(book.name()));
                }
                case SinkRequirement.Execution execution -> {}
            }
        }
        if (books > 1) {
            throw new IllegalArgumentException("sink " + name + " declares " + books + " traded books; a sink trades "
                    + "one (a graph may have one sink per traded instrument)");
        }
        parameters.addAll(constants);
        return new SinkDeclaration(
                requirements, Signature.sink(name, description, parameters.toArray(Parameter[]::new)));
    }

    public Signature signature() {
        return signature;
    }

    public List<SinkRequirement> requirements() {
        return requirements;
    }

    /** The factor streams, in the order {@link io.factorgraph.runtime.execution.SinkInputs#argument} numbers them. */
    public List<SinkRequirement.Factor> factors() {
        return factors;
    }

    /** The book it trades, when it reads one. */
    public Optional<SinkRequirement.TradedBook> tradedBook() {
        return tradedBook;
    }

    /** Whether the sink reads position and working orders from its execution context. */
    public boolean needsExecution() {
        return needsExecution;
    }

    @Override
    public String toString() {
        return signature.render();
    }
}
