package io.orderflow.recovery.backup;

import java.util.Map;

/**
 * A finished backup, as its manifest summarises it.
 *
 * @param items item count per physical table name
 * @param orders how many distinct orders the events export holds
 */
public record BackupResult(
    String backupId, Map<String, Long> items, int files, long bytes, long orders) {}
