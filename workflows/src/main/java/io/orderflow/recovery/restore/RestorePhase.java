package io.orderflow.recovery.restore;

/** The steps of the full restore runbook, in order, and how it can end. */
public enum RestorePhase {
  PREFLIGHT,
  ENTERING_READ_ONLY,
  CREATING_TABLES,
  IMPORTING,
  VALIDATING,
  RECONSTRUCTING,
  SWITCHING,
  RAMPING,
  DONE,
  ROLLED_BACK,
  CANCELLED,
  FAILED
}
