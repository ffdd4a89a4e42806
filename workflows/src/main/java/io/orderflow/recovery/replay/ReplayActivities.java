package io.orderflow.recovery.replay;

import io.orderflow.recovery.OperationFinish;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The side effects of a replay. Idempotent: replaying an order twice writes the same. */
@ActivityInterface
public interface ReplayActivities {

  /** The distinct orders with a commit in [from, to), a page at a time (the by-time index). */
  @ActivityMethod
  OrderSelection selectOrders(String from, String to, String pageToken);

  /**
   * Re-folds each order from its events with today's code (upcasters included), diffs the fold
   * against the latest snapshot and the projection row, checks the history against the business
   * rules, and unless dry run writes a fresh snapshot and replaces the projection row.
   *
   * <p>Lists, per order, the corrections its history needs (violations no later correction
   * answers). A real run of a batch with {@link ReplayBatch#appendCorrections()} appends each one
   * that has an automatic correction as its own commit at the head of the stream, and leaves its
   * publication to the caller. Idempotent: the commit id derives from the operation, the order, the
   * version and the rule, and a retry reports the corrections this operation already appended
   * (outcome {@code APPENDED}) instead of appending them again. An order that keeps changing under
   * it (concurrency conflicts) is reported {@code SKIPPED}.
   */
  @ActivityMethod
  ReplayBatchResult replay(ReplayBatch batch);

  /**
   * Brings the derived data of orders that took a correction up to their stream's head: a fresh
   * snapshot, and every read model (order summary, revenue). Idempotent: rows only move forward.
   */
  @ActivityMethod
  void refreshCorrected(CorrectedOrders orders);

  /** Records the finished replay's duration ({@code orderflow.replay.duration}). */
  @ActivityMethod
  void recordDuration(OperationFinish finish, long millis);
}
