package io.orderflow.recovery.order;

/**
 * @param backupId the backup the operator named; null for the newest that holds the order
 */
public record FindBackupRequest(String orderId, String backupId) {}
