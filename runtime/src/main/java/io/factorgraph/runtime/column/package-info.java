/**
 * Growable primitive columns ({@link io.factorgraph.runtime.column.IntColumn}, {@link
 * io.factorgraph.runtime.column.LongColumn}, {@link io.factorgraph.runtime.column.DoubleColumn}, {@link io.factorgraph.runtime.column.BooleanColumn}): the one way in
 * this project to append an unknown number of values without boxing. Recorders (backtest time series, fill logs),
 * loaders (benchmark data, synthetic event rows) and builders keep one column per field instead of parallel arrays
 * with a grow method of their own.
 *
 * <p>They are deliberately small and final, with primitive accessors only: no {@code List} view, no iterator, so
 * that nothing tempts a per-tick loop into boxing.
 */
package io.factorgraph.runtime.column;
