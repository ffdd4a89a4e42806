/**
 * The baseline the lifecycle load driver measures orderflow against: the most trivial useful
 * workflow (one activity that returns its input) on the same Temporal server, with its own worker.
 */
package io.orderflow.bench.baseline;
