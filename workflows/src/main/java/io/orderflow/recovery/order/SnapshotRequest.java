package io.orderflow.recovery.order;

/**
 * The last step.
 *
 * @param backup in a dry run, the backup's commits (the stream is then the backup's history plus
 *     the live commits after it, as the plan would leave it); null otherwise
 */
public record SnapshotRequest(String orderId, boolean dryRun, BackupCommits backup) {}
