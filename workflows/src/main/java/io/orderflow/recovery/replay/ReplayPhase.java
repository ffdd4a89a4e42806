package io.orderflow.recovery.replay;

/** The steps of a replay and how it can end. */
public enum ReplayPhase {
  SELECTING,
  REPLAYING,
  DONE,
  CANCELLED,
  FAILED
}
