package io.orderflow.recovery.replay;

/** What a replay did about a correction a stored history needs. */
public enum CorrectionOutcome {
  /** A dry run: a real run would append it. */
  WOULD_APPEND,
  /** Appended at the head of the stream (by this operation, possibly in an earlier attempt). */
  APPENDED,
  /** No automatic correction exists for the rule; nothing was written. */
  NEEDS_OPERATOR,
  /** The order kept changing under the replay (concurrency conflicts); nothing was written. */
  SKIPPED
}
