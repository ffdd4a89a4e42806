package io.orderflow.api.recovery;

/** The 202 answer: the operation to follow and the workflow that runs it. */
record ProjectionRebuildStarted(
    String operationId,
    String workflowId,
    String projection,
    String action,
    boolean dryRun,
    String rebuildId) {}
