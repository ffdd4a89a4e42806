package io.orderflow.recovery.backup;

/** The named phases of a backup, in order; CANCELLED and FAILED end it early. */
public enum BackupPhase {
  STARTING,
  EXPORTING_EVENTS,
  EXPORTING_SNAPSHOTS,
  WRITING_MANIFEST,
  DONE,
  CANCELLED,
  FAILED
}
