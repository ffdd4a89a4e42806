package io.orderflow.recovery.nativebackup;

/**
 * A new table restored from a table's point-in-time recovery window.
 *
 * @param sourceTable the table with PITR enabled
 * @param targetTable the table to create; must not exist (unless it is this very restore)
 * @param restoreTime ISO-8601 instant ({@code 2026-11-26T06:55:00Z}); null for the latest
 *     restorable time
 */
public record PointInTimeRestoreRequest(
    String sourceTable, String targetTable, String restoreTime) {}
