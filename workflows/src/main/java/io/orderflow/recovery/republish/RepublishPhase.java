package io.orderflow.recovery.republish;

/** The steps of the republish runbook, in order, and how it can end. */
public enum RepublishPhase {
  STARTING,
  SENDING,
  DONE,
  CANCELLED,
  FAILED
}
