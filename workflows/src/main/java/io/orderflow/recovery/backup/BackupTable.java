package io.orderflow.recovery.backup;

/** The tables a backup holds, by role; the physical names come from configuration. */
public enum BackupTable {
  EVENTS,
  SNAPSHOTS
}
