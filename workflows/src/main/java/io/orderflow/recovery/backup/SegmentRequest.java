package io.orderflow.recovery.backup;

/** One segment of a table's parallel scan, exported into the backup {@code backupId}. */
public record SegmentRequest(String backupId, BackupTable table, int segment, int totalSegments) {}
