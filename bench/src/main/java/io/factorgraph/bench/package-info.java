/** JMH benchmarks and their baselines. */
package io.factorgraph.bench;
