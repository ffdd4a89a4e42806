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
   */
  @ActivityMethod
  ReplayBatchResult replay(ReplayBatch batch);

  /** Records the finished replay's duration ({@code orderflow.replay.duration}). */
  @ActivityMethod
  void recordDuration(OperationFinish finish, long millis);
}
