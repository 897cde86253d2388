/**
 * Parameter sweeps as an Apache Spark job (docs/DESIGN.md §12 "On a cluster"): the only package of the project that
 * uses Spark, in the only module that depends on it.
 *
 * <p>Start at {@link io.factorgraph.spark.SparkSweep}: the driver cuts a sweep into tasks of (data span, chunk of
 * points), checks the data URIs ({@link io.factorgraph.spark.HadoopFiles}), and lets Spark schedule, retry and ship
 * the tasks; each runs a {@link io.factorgraph.spark.ChunkRunner}, in practice {@link io.factorgraph.spark.FusedSweep},
 * the {@code sweep} module's fused runner rebuilt on the executor from the sweep as text; the rows become one Parquet
 * table of {@link io.factorgraph.spark.ResultTable}'s schema, the CSV columns of {@code fg sweep}.
 * {@link io.factorgraph.spark.SparkClusterSweep} is what {@code fg sweep --spark} finds through {@code ServiceLoader}
 * (so the cli does not depend on Spark) and what {@code SparkSweep.main} runs under {@code spark-submit}.
 *
 * <p>Why no home-made scheduler or transport: Spark already has both, and the unit of work (a fused replay of one
 * span for a chunk of points, seconds to minutes) is coarse enough that its overheads do not matter.
 */
package io.factorgraph.spark;
