package io.orderflow.eventstore;

import io.orderflow.order.Order;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Keeps the read models up to date after a commit. */
@ActivityInterface
public interface ProjectionActivities {
  /**
   * Upserts the order's row in the active order-summary projection. Idempotent and monotonic: a row
   * only ever moves forward by version, so a late or repeated call changes nothing.
   */
  @ActivityMethod
  void projectOrder(Order state);
}
