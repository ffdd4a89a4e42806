package io.orderflow.recovery.backup;

/**
 * One data file of a backup.
 *
 * @param path relative to the backup's root, e.g. {@code order_events/data/0-00000.json.gz}
 * @param items how many lines ({@code {"Item":...}}) it holds
 * @param sha256 hex SHA-256 of the file's bytes as stored (gzipped)
 * @param bytes its size as stored
 */
public record ExportedFile(String path, long items, String sha256, long bytes) {}
