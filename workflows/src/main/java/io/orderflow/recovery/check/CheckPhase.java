package io.orderflow.recovery.check;

/** The steps of the consistency check, in order, and how it can end. */
public enum CheckPhase {
  STARTING,
  SCANNING,
  REPORTING,
  DONE,
  CANCELLED,
  FAILED
}
