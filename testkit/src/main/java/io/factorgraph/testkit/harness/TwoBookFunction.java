package io.factorgraph.testkit.harness;

import io.factorgraph.testkit.books.BookLevels;

/**
 * The naive reference of a node that reads two books (a basis, a lead-lag signal): its value at {@code tick},
 * computed from scratch from both books' states and the tick times up to and including that tick.
 */
@FunctionalInterface
public interface TwoBookFunction {
    double at(long[] times, BookLevels[] first, BookLevels[] second, int tick);
}
