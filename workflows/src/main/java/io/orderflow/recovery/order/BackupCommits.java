package io.orderflow.recovery.order;

import java.util.List;

/** An order's commits out of one backup, oldest first, their hash chain verified. */
public record BackupCommits(String orderId, String backupId, List<CommitCopy> commits) {
  public BackupCommits {
    commits = List.copyOf(commits);
  }

  /** The version of the order's last event in the backup. */
  public long lastVersion() {
    return commits.isEmpty() ? 0 : commits.get(commits.size() - 1).lastVersion();
  }
}
