package io.factorgraph.runtime.plan;

/** A name of the file bound to the node that computes it. */
public record NamedStream(String name, PlanNode node) {}
