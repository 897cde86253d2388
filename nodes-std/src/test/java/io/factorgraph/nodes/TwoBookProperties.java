package io.factorgraph.nodes;

import io.factorgraph.testkit.books.BookLevels;
import io.factorgraph.testkit.books.Books;
import io.factorgraph.testkit.harness.Tolerance;
import io.factorgraph.testkit.harness.TwoBookCheck;
import io.factorgraph.testkit.streams.BatchReference;
import io.factorgraph.testkit.streams.Streams;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Expressions over two books (docs/DESIGN.md §11) through {@link TwoBookCheck}: the basis between them, and a
 * duration-windowed z-score of it on adversarial timestamps, each against its batch definition.
 */
class TwoBookProperties {
    /** Times and both books' states per tick. */
    record Ticks(long[] times, BookLevels[] perp, BookLevels[] spot) {}

    @Provide
    Arbitrary<Ticks> ticks() {
        return Arbitraries.integers().between(1, 120).flatMap(n -> Combinators.combine(
                        Streams.times(n),
                        Books.valid().array(BookLevels[].class).ofSize(n),
                        Books.valid().array(BookLevels[].class).ofSize(n))
                .as(Ticks::new));
    }

    @Property(tries = 100)
    void theBasisIsTheRatioOfTheMidsLessOne(@ForAll("ticks") Ticks ticks) {
        TwoBookCheck.of("perp", "spot", "mid(perp) / mid(spot) - 1")
                .against((times, a, b, t) -> basis(a[t], b[t]))
                .within(Tolerance.exact())
                .check(ticks.times(), ticks.perp(), ticks.spot());
    }

    @Property(tries = 100)
    void aZscoreOfTheBasisOverFiveSecondsIsItsBatchDefinition(@ForAll("ticks") Ticks ticks) {
        TwoBookCheck.of("perp", "spot", "zscore(mid(perp) / mid(spot) - 1, 5s)")
                .against((times, a, b, t) -> {
                    double[] basis = new double[t + 1];
                    for (int i = 0; i <= t; i++) {
                        basis[i] = basis(a[i], b[i]);
                    }
                    int w = BatchReference.ticksWithin(times, t, 5_000_000_000L);
                    double std = BatchReference.std(basis, t, w);
                    return std > 1e-10 ? (basis[t] - BatchReference.mean(basis, t, w)) / std : 0.0;
                })
                .within((expected, actual, scale) -> StandardLibraryProperties.zscoreClose(expected, actual))
                .check(ticks.times(), ticks.perp(), ticks.spot());
    }

    private static double basis(BookLevels perp, BookLevels spot) {
        return ((perp.bestBid() + perp.bestAsk()) / 2) / ((spot.bestBid() + spot.bestAsk()) / 2) - 1;
    }
}
