package io.orderflow.eventstore;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.failure.ApplicationFailure;

/** Appends to the event store, and reads an order back when a workflow's memory may be stale. */
@ActivityInterface
public interface EventStoreActivities {
  /** Failure type of an append that lost the race for its version. Not retryable. */
  String CONCURRENCY_CONFLICT = "ConcurrencyConflict";

  /** Failure type of a commit the store refuses (too large, schema broken). Not retryable. */
  String INVALID_COMMIT = "InvalidCommit";

  /**
   * Failure type of an append refused because the active tables were switched (a full restore)
   * since the caller last confirmed its view of the stream, and the stream's head in the tables
   * that serve now is not the one the commit chains to. Nothing was written. Details: the expected
   * version, then the head's version. The caller reloads ({@link #loadOrder}) and decides again.
   * Not retryable.
   */
  String STREAM_RESTORED = "StreamRestored";

  /**
   * Appends one commit with optimistic concurrency. Idempotent on {@link NewCommit#commitId()}: a
   * retry of an append that already landed returns the same result and writes nothing.
   *
   * <p>Costs one conditional write while the tables have not moved since {@link
   * NewCommit#tablesRevision()}; after a switch (or when the revision is unknown and the tables
   * were ever switched) the stream's head is read first, so that a commit decided on a stream the
   * restore replaced can neither leave a gap nor fork the hash chain.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link #CONCURRENCY_CONFLICT} when
   *     another commit already holds the version, {@link #STREAM_RESTORED} when the restored
   *     stream's head is not at {@code expectedVersion} with hash {@code prevHash}, or {@link
   *     #INVALID_COMMIT}
   */
  @ActivityMethod
  AppendResult appendCommit(NewCommit commit);

  /**
   * The order as the stream in the active tables holds it, its last hash and the pointer revision
   * it was read at: the fold of every event, never a snapshot, because right after a restore only
   * the restored events are the truth. Read-only; retried while the tables move under the read.
   *
   * <p>The default refuses, for stores that cannot read (test doubles of the append). No
   * {@code @ActivityMethod} here: the SDK refuses the annotation on a default method that an
   * implementation inherits, and every method of the interface is an activity without it.
   */
  default LoadedOrder loadOrder(String orderId) {
    throw ApplicationFailure.newNonRetryableFailure(
        "this event store cannot load orders", "LoadUnsupported");
  }
}
