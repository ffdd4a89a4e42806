package io.orderflow.recovery.check;

/**
 * What a consistency check can find. The names are stable: they tag the {@code
 * orderflow.consistency.findings} gauge and key the report's counts.
 */
public enum FindingKind {
  /** A version is missing from a stream. */
  GAP,
  /** A commit starts inside the one before it, or its versions do not match its events. */
  OVERLAP,
  /** A commit does not chain to the hash of the one before it. */
  BROKEN_CHAIN,
  /** A commit's content no longer matches its hash. */
  HASH_MISMATCH,
  /** An event cannot be read (no schema or upcaster for it): the order cannot be folded. */
  UNREADABLE_EVENT,
  /** The history breaks a business rule (detail names the rule). */
  RULE_VIOLATION,
  /** The latest snapshot claims a version the stream does not reach. */
  SNAPSHOT_AHEAD,
  /** The latest snapshot differs from the fold of the events up to its version. */
  SNAPSHOT_MISMATCH,
  /** The order has events but no row in the order-summary projection. */
  PROJECTION_MISSING,
  /** The projection row differs from the fold of all the order's events. */
  PROJECTION_MISMATCH,
  /** A commit is still marked unpublished past the threshold: SNS never got its events. */
  STALE_UNPUBLISHED
}
