/**
 * Benchmark programs: the event store's load driver against dynalite, and the sample commits it and
 * the JMH benchmarks share. Programs, not tests; docs/performance.md says how to run them.
 */
package io.orderflow.bench;
