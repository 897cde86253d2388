/**
 * Parameter sweeps (docs/DESIGN.md §12): a {@link io.factorgraph.sweep.Grid} of param and simulator values, a
 * {@link io.factorgraph.sweep.SweepRunner} that runs chunks of points as fused programs over one read of the data
 * each, and the result table ({@link io.factorgraph.sweep.SweepRow}, {@link io.factorgraph.sweep.ResultsCsv}). The
 * module depends on no cluster framework: a Spark job calls the same API per (span, chunk of points).
 */
package io.factorgraph.sweep;
