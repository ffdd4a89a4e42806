package io.orderflow.eventstore;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Forwards stored commits to the message bus. */
@ActivityInterface
public interface PublicationActivities {
  /**
   * Publishes every event of the stored commit that starts at {@code firstVersion}, in order, then
   * clears its {@code unpublished} marker. Idempotent: each message carries its event id as the
   * deduplication id, so a retry does not deliver twice.
   */
  @ActivityMethod
  void publishCommit(String orderId, long firstVersion);
}
