package io.orderflow.recovery;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The activity stubs a DR workflow builds, with the options they share: retries with backoff
 * (forever, unless a failure type is named non-retryable), heartbeats on long work, and short calls
 * to the operations registry. Call from workflow code only, as {@link Workflow} requires.
 */
public final class RecoveryStubs {
  /** A long activity that has not heartbeaten for this long is retried on another worker. */
  public static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);

  private RecoveryStubs() {}

  /** Retries from 1 s, backing off to 30 s; never for the failure types named. */
  public static RetryOptions retry(String... doNotRetry) {
    return retry(Duration.ofSeconds(30), doNotRetry);
  }

  /** Retries from 1 s, backing off to {@code maximumInterval}; never for the types named. */
  public static RetryOptions retry(Duration maximumInterval, String... doNotRetry) {
    return RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofSeconds(1))
        .setMaximumInterval(maximumInterval)
        .setDoNotRetry(doNotRetry)
        .build();
  }

  /**
   * Long work that heartbeats its progress.
   *
   * @param cancellation {@code WAIT_CANCELLATION_COMPLETED} where the workflow must not go on
   *     (clean up, report) until the activity has stopped; {@code TRY_CANCEL} where it may
   */
  public static <T> T heartbeating(
      Class<T> activities,
      Duration startToClose,
      ActivityCancellationType cancellation,
      RetryOptions retry) {
    return Workflow.newActivityStub(
        activities,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(startToClose)
            .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
            .setCancellationType(cancellation)
            .setRetryOptions(retry)
            .build());
  }

  /** Short steps: each call is over within {@code startToClose}. */
  public static <T> T steps(Class<T> activities, Duration startToClose, RetryOptions retry) {
    return Workflow.newActivityStub(
        activities,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(startToClose)
            .setRetryOptions(retry)
            .build());
  }

  /** The operations registry, whose calls are single DynamoDB writes. */
  public static OperationsActivities operations(RetryOptions retry) {
    return steps(OperationsActivities.class, Duration.ofSeconds(10), retry);
  }
}
