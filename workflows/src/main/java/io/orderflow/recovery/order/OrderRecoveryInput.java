package io.orderflow.recovery.order;

/**
 * What to recover.
 *
 * @param operationId the registry item of this run
 * @param backupId the backup to recover from; null for the newest backup that holds the order
 * @param dryRun report what would change, change nothing
 * @param startedBy who asked, for the registry
 */
public record OrderRecoveryInput(
    String operationId, String orderId, String backupId, boolean dryRun, String startedBy) {}
