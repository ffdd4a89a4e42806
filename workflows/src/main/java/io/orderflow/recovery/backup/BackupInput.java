package io.orderflow.recovery.backup;

/**
 * What to back up.
 *
 * @param operationId the registry item of this run
 * @param backupId names the backup directory; unique per backup
 * @param segments parallel scan segments per table (1 to {@link #MAX_SEGMENTS})
 * @param startedBy who asked, for the registry
 */
public record BackupInput(String operationId, String backupId, int segments, String startedBy) {
  public static final int MAX_SEGMENTS = 64;
}
