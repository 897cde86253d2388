/**
 * Runnable examples for people who use factorgraph from Java rather than from {@code fg}; the {@code .fg} examples
 * themselves are files in the module's directory ({@code examples/obi_mm.fg}, {@code examples/basics.fg}, ...).
 *
 * <p>{@link io.factorgraph.examples.EmbeddingExample} is the whole embedding API in one method, in the order a host
 * uses it: compile once (a run-time {@code param} override included), make an instance, resolve input and output
 * handles up front, then per tick set the inputs, tick, and read the outputs by handle. It is written to be copied: the
 * handles are resolved outside the loop because the loop is the hot path, where nothing is looked up by name or
 * allocated. A test runs it, so it cannot rot. The sub-package {@code custom} shows how to add a node of one's own.
 */
package io.factorgraph.examples;
