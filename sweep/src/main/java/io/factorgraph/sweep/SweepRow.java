package io.factorgraph.sweep;

import io.factorgraph.backtest.report.PerformanceSummary;
import io.factorgraph.backtest.report.PortfolioSummary;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * One row of a sweep's results: a point on a span, its summary per traded instrument (the same figures {@code fg
 * backtest} writes to {@code summary.json}, to the bit), or why it failed. Immutable, so rows can be collected from
 * threads and written in any order. Serializable, since a cluster sweep's rows travel from its executors to its driver
 * (as {@link Serial}: {@link Optional} is not serializable).
 *
 * @param span the span's label
 * @param instruments one per sink of the point, in the file's order; empty for a failed point
 * @param failure why the point failed: it did not compile, its simulator could not be made, or its sink threw
 * @param total for a point trading several instruments, their total as {@code fg backtest}'s portfolio summary has
 *     it (equal to it to the bit); empty for one instrument or a failed point
 */
public record SweepRow(
        GridPoint point,
        String span,
        List<Instrument> instruments,
        Optional<String> failure,
        Optional<PortfolioSummary> total)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public SweepRow {
        instruments = List.copyOf(instruments);
        if (failure.isPresent() != instruments.isEmpty()) {
            throw new IllegalArgumentException("a row has instruments or a failure");
        }
        if (total.isPresent() && instruments.size() < 2) {
            throw new IllegalArgumentException("a total is that of several instruments");
        }
    }

    /** A row without a total: one instrument, or a failure. */
    public SweepRow(GridPoint point, String span, List<Instrument> instruments, Optional<String> failure) {
        this(point, span, instruments, failure, Optional.empty());
    }

    /** One traded instrument's summary. */
    public record Instrument(String book, PerformanceSummary summary) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public boolean ok() {
        return failure.isEmpty();
    }

    /** What is serialised in a row's place: the same fields, the optional ones as null when empty. */
    private Object writeReplace() {
        return new Serial(point, span, instruments, failure.orElse(null), total.orElse(null));
    }

    /** A row as it travels: {@link Optional} fields as nullable ones; read back as the row. */
    private record Serial(
            GridPoint point, String span, List<Instrument> instruments, String failure, PortfolioSummary total)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        private Object readResolve() {
            return new SweepRow(point, span, instruments, Optional.ofNullable(failure), Optional.ofNullable(total));
        }
    }

    static SweepRow failed(GridPoint point, String span, String why) {
        return new SweepRow(point, span, List.of(), Optional.of(why));
    }
}
