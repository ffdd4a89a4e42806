package io.orderflow.recovery.republish;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The side effects of republishing. Every method may be retried without sending twice. */
@ActivityInterface
public interface RepublishActivities {

  /**
   * The worker's settings and how much the source holds.
   *
   * @throws io.temporal.failure.ApplicationFailure non-retryable, type {@code
   *     DeadLetterQueueNotConfigured}, for the dead-letter source without a configured queue
   */
  @ActivityMethod
  RepublishPlan republishPlan(PlanRequest request);

  /**
   * Reads the next batch of the source. Changes nothing, but dead-letter messages read stay hidden
   * from other readers for the queue's visibility timeout.
   */
  @ActivityMethod
  RepublishBatch nextRepublishBatch(BatchRequest request);

  /**
   * Reads each commit from the event store (the source of truth), sends its events to SNS exactly
   * as the normal path does (deduplication id = event id), marks it published once all of its
   * events went, and deletes the dead-letter messages that named them. Paced by a token bucket,
   * heartbeating; a retry skips the commits already done.
   */
  @ActivityMethod
  SendResult republishBatch(SendRequest request);
}
