package io.orderflow.recovery.nativebackup;

/**
 * An on-demand DynamoDB backup of one table.
 *
 * @param table the table's name (or ARN)
 * @param backupName 3–255 of {@code [a-zA-Z0-9_.-]}; also the idempotency key of the request
 */
public record CreateBackupRequest(String table, String backupName) {}
