package io.orderflow.recovery.backup;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The side effects of a backup: scan, write files, write the manifest, clean up. */
@ActivityInterface
public interface BackupActivities {

  /**
   * Exports one scan segment into data files. Heartbeats its scan position and the files finished
   * so far; a retry resumes from the last heartbeat and rewrites only the files after it, so the
   * result has every item of the segment exactly once.
   */
  @ActivityMethod
  SegmentExport exportSegment(SegmentRequest request);

  /**
   * Writes the orders index (derived from the events files) and then the manifest, which makes the
   * backup visible. Idempotent: a retry rewrites the same content.
   */
  @ActivityMethod
  BackupResult writeManifest(ManifestRequest request);

  /** Removes a backup's directory, complete or not. Nothing to remove is fine. */
  @ActivityMethod
  void deleteBackup(String backupId);
}
