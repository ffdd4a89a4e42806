/**
 * JMH benchmarks of the event store's hot pure code (hashing, JSON, schema validation, the fold),
 * each beside a baseline that does the bare minimum the same work needs.
 */
package io.orderflow.bench.jmh;
