package io.orderflow.recovery.order;

/**
 * A plan to apply.
 *
 * @param quarantinedAt ISO-8601 instant (workflow time) stamped on, and keying, what is
 *     quarantined: fixed per run so that a retried repair writes the same quarantine items again
 */
public record RepairRequest(String operationId, String quarantinedAt, RecoveryPlan plan) {}
