package io.orderflow.recovery.nativebackup;

/**
 * A new table restored from an on-demand DynamoDB backup.
 *
 * @param backupArn the backup, as {@link NativeBackupActivities#createBackup} returned it
 * @param targetTable the table to create; must not exist (unless it is this very restore)
 */
public record RestoreFromBackupRequest(String backupArn, String targetTable) {}
