package io.orderflow.api.recovery;

/**
 * {@code POST /api/recoveries/full-restore}.
 *
 * @param backupId the backup to restore (required)
 * @param dryRun restore into new tables, validate and report, then drop them; false when absent
 * @param sampleSize orders to rebuild and check; -1 for all; the configured default when absent
 * @param parallelism files and scan segments at once, 1–32; the configured default when absent
 * @param allowAnomalies switch even if validation finds anomalies; false when absent
 */
record FullRestoreRequest(
    String backupId,
    Boolean dryRun,
    Integer sampleSize,
    Integer parallelism,
    Boolean allowAnomalies) {}
