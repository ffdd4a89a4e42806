package io.orderflow.recovery.order;

/** The named phases of a single-order recovery, in order; CANCELLED and FAILED end it early. */
public enum OrderRecoveryPhase {
  STARTING,
  FINDING_BACKUP,
  EXTRACTING,
  REBUILDING,
  COMPARING,
  REPAIRING,
  SNAPSHOTTING,
  DONE,
  CANCELLED,
  FAILED
}
