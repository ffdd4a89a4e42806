/**
 * The operations frame every disaster-recovery workflow shares: the kinds of operation, their
 * progress, and the registry activities that record each run in {@code orderflow_operations}.
 */
package io.orderflow.recovery;
