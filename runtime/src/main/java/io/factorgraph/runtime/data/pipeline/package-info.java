/**
 * Decoding on its own core: {@link io.factorgraph.runtime.data.pipeline.PipelinedEventSource} runs a source's
 * {@code next()} (for a gzip feed: gunzip, JSON scan and depth synchronisation) on a thread of its own and hands
 * the decoded events to the replay thread in batches through a preallocated single-producer/single-consumer
 * ring, so that the book and the graph run in parallel with the decoding (docs/DESIGN.md §10).
 */
package io.factorgraph.runtime.data.pipeline;
