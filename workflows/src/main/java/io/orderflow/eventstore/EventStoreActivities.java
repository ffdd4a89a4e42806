package io.orderflow.eventstore;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Appends to the event store. */
@ActivityInterface
public interface EventStoreActivities {
  /** Failure type of an append that lost the race for its version. Not retryable. */
  String CONCURRENCY_CONFLICT = "ConcurrencyConflict";

  /** Failure type of a commit the store refuses (too large, schema broken). Not retryable. */
  String INVALID_COMMIT = "InvalidCommit";

  /**
   * Appends one commit with optimistic concurrency. Idempotent on {@link NewCommit#commitId()}: a
   * retry of an append that already landed returns the same result and writes nothing.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link #CONCURRENCY_CONFLICT} when
   *     another commit already holds the version, or {@link #INVALID_COMMIT}
   */
  @ActivityMethod
  AppendResult appendCommit(NewCommit commit);
}
