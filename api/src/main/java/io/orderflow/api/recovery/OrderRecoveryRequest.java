package io.orderflow.api.recovery;

/**
 * {@code POST /api/recoveries/order}.
 *
 * @param orderId the order to recover (required)
 * @param backupId the backup to recover from; the newest backup that holds the order when absent
 * @param dryRun report what would change and change nothing; false when absent
 */
record OrderRecoveryRequest(String orderId, String backupId, Boolean dryRun) {}
