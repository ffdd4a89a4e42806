package io.orderflow.backup;

import java.util.regex.Pattern;

/** The backup id rule both stores share: an id names one backup and nothing outside it. */
final class BackupIds {
  static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private BackupIds() {}

  static String require(String backupId) {
    if (!BackupStore.isBackupId(backupId)) {
      throw new IllegalArgumentException("not a backup id: " + backupId);
    }
    return backupId;
  }
}
