package io.orderflow.recovery.rebuild;

/** The steps of the projection rebuild runbook, in order, and how it can end. */
public enum RebuildPhase {
  PREPARING,
  CREATING_GENERATION,
  SCANNING,
  CATCHING_UP,
  SWAPPING,
  DROPPING,
  DONE,
  CANCELLED,
  FAILED
}
