/**
 * Entry points for a Java program that embeds factorgraph: {@link io.factorgraph.runtime.embed.Replay} replays
 * recorded files through a compiled graph, one feed per {@code Book} input (docs/DESIGN.md §11), with the binding
 * checks {@code fg run} makes, and hands back the same {@link io.factorgraph.runtime.replay.ReplayFactorProvider}.
 *
 * <p>Why a package of its own: it sits above {@code runtime.data} (files and formats) and {@code runtime.replay} (the
 * merge and the clock) and joins them for a caller who has only file names and a graph; neither of those packages
 * needs to know the other's configuration. Ticking a graph by hand, without recorded data, needs none of this: see
 * {@link io.factorgraph.runtime.graph.GraphInstance}.
 */
package io.factorgraph.runtime.embed;
