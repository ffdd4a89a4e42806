package io.orderflow.recovery.rebuild;

/** What a projection rebuild operation does. */
public enum RebuildAction {
  /** Build a new generation from every event, catch it up and swap it in. */
  REBUILD,
  /**
   * Catch the previous generation up with what happened since the last swap and swap back to it.
   */
  ROLLBACK,
  /** Drop the previous generation: no rollback to it any more. */
  DROP_PREVIOUS
}
