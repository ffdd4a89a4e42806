package io.orderflow.api.recovery;

/** The 202 answer: the operation to watch at {@code /api/operations/{operationId}}. */
record OrderRecoveryStarted(
    String operationId, String workflowId, String orderId, String backupId, boolean dryRun) {}
