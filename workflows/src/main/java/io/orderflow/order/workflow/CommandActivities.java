package io.orderflow.order.workflow;

import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.AppendedCommit;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.eventstore.LoadedOrder;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.ProjectionActivities;
import io.orderflow.eventstore.PublicationActivities;
import io.orderflow.order.Order;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The side effects of one command, append, publish and project (and the reload of a stream that
 * moved), run as activities or, from {@link #LOCAL_ACTIVITIES} version 1 on, as local activities
 * inside the update's workflow task: one command is then one workflow task instead of four workflow
 * tasks and three activity tasks (docs/decisions.md, "Local activities for the order commands").
 *
 * <p>Both sets of stubs exist in every run; {@code Workflow.getVersion} picks one per command, so a
 * history recorded with activities replays with activities.
 */
final class CommandActivities {
  /**
   * {@code Workflow.getVersion} id of the local activities: runs recorded before it schedule
   * activities (replay guard: every history in OrderWorkflowReplayTest older than
   * histories/order-lifecycle-local.json).
   */
  static final String LOCAL_ACTIVITIES = "local-command-activities";

  /**
   * {@code Workflow.getVersion} id of the publication from the appended commit ({@link
   * PublicationActivities#publishAppended}) instead of a read of the store ({@code publishCommit}).
   */
  static final String PUBLISH_APPENDED = "publish-appended";

  private static final RetryOptions STORE_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofMillis(200))
          .setMaximumInterval(Duration.ofSeconds(10))
          .setDoNotRetry(
              EventStoreActivities.CONCURRENCY_CONFLICT,
              EventStoreActivities.INVALID_COMMIT,
              EventStoreActivities.STREAM_RESTORED)
          .build();

  private static final RetryOptions BOUNDED_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofMillis(200))
          .setMaximumAttempts(5)
          .build();

  // --- activities: before LOCAL_ACTIVITIES, and after it the append that outlives its local tries

  private final EventStoreActivities store =
      Workflow.newActivityStub(
          EventStoreActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .setRetryOptions(STORE_RETRY)
              .build());

  // Publication and projection are bounded: a bus or read model that is down must not hold the
  // order hostage. The commit keeps its unpublished marker for the republish runbook; a stale
  // projection row is repaired by the next command or by a rebuild.
  private final ActivityOptions bounded =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setScheduleToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(BOUNDED_RETRY)
          .build();
  private final PublicationActivities publication =
      Workflow.newActivityStub(PublicationActivities.class, bounded);
  private final ProjectionActivities projection =
      Workflow.newActivityStub(ProjectionActivities.class, bounded);

  // --- local activities -------------------------------------------------------------------------
  //
  // Every local activity runs inside the workflow task of the update that needs it, and the task
  // is not answered (the update is neither accepted nor completed for the caller) until they are
  // done. Their bounds keep a command's task inside the 10 s workflow task timeout, every retry
  // inside the task (localRetryThreshold = scheduleToClose: no timer retries, no extra tasks),
  // and none retries without bound: the SDK does not retry a local activity at all when it has
  // neither a schedule-to-close timeout nor a maximum of attempts.

  // The store is waited for until it answers, as before: a command that met an outage completes
  // once DynamoDB is back. One local attempt, whose 6 s outlast the AWS client's 5 s call timeout
  // (with the SDK's own retries inside it): the attempt has always finished, landed or not, when
  // the workflow hears of it, so no abandoned put can land behind the workflow's back while it
  // believes the store unchanged. If that attempt fails for any reason but a refusal, the same
  // commit (same commit id: the append is idempotent) goes to the activity above, whose retries
  // the server keeps without a history event per attempt; the task then completes, so the caller
  // learns within those seconds that its command is pending. A refusal (conflict, restored stream,
  // invalid commit) surfaces as before. The append's arguments stay in its marker: the history
  // keeps showing what was appended.
  private static final LocalActivityOptions STORE_LOCAL =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(6))
          .setRetryOptions(RetryOptions.newBuilder(STORE_RETRY).setMaximumAttempts(1).build())
          .build();
  private final EventStoreActivities localStore =
      Workflow.newLocalActivityStub(EventStoreActivities.class, STORE_LOCAL);

  // Bounded as above, and tighter: while they run the command is not answered. A bus or read
  // model that fails at once costs its 5 attempts (0, 0.2, 0.6, 1.4, 3.0 s), one that hangs at
  // most 4 s. An attempt given up at 2 s may still finish in the background; that is harmless
  // here (SNS drops the copy by its deduplication id, the projection only moves forward). Their
  // arguments are copies of the append's and of the answer: left out of the markers.
  private static final LocalActivityOptions BOUNDED_LOCAL =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(2))
          .setScheduleToCloseTimeout(Duration.ofSeconds(4))
          .setLocalRetryThreshold(Duration.ofSeconds(4))
          .setRetryOptions(BOUNDED_RETRY)
          .setDoNotIncludeArgumentsIntoMarker(true)
          .build();
  private final PublicationActivities localPublication =
      Workflow.newLocalActivityStub(PublicationActivities.class, BOUNDED_LOCAL);
  private final ProjectionActivities localProjection =
      Workflow.newLocalActivityStub(ProjectionActivities.class, BOUNDED_LOCAL);

  /** See {@link EventStoreActivities#appendCommit}; its failures as that activity's. */
  AppendResult append(NewCommit commit) {
    if (!local()) {
      return store.appendCommit(commit);
    }
    try {
      return localStore.appendCommit(commit);
    } catch (ActivityFailure e) {
      if (isRefusal(e)) {
        throw e;
      }
      return store.appendCommit(commit);
    }
  }

  /** See {@link EventStoreActivities#loadOrder}; read-only, so handed over as the append is. */
  LoadedOrder load(String orderId) {
    if (!local()) {
      return store.loadOrder(orderId);
    }
    try {
      return localStore.loadOrder(orderId);
    } catch (ActivityFailure e) {
      if (isRefusal(e)) {
        throw e;
      }
      return store.loadOrder(orderId);
    }
  }

  // A non-retryable failure is the store's answer; anything else (a timeout, the store not
  // reachable) is an outage the activity waits out.
  private static boolean isRefusal(ActivityFailure e) {
    return e.getCause() instanceof ApplicationFailure failure && failure.isNonRetryable();
  }

  /** Publishes a commit just appended; an {@code ActivityFailure} once the retries are spent. */
  void publish(AppendedCommit appended) {
    PublicationActivities bus = local() ? localPublication : publication;
    if (Workflow.getVersion(PUBLISH_APPENDED, Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      bus.publishCommit(appended.result().orderId(), appended.result().firstVersion());
    } else {
      bus.publishAppended(appended);
    }
  }

  /** Upserts the order-summary row; an {@code ActivityFailure} once the retries are spent. */
  void project(Order state) {
    (local() ? localProjection : projection).projectOrder(state);
  }

  /** Whether this run's commands use the local activities ({@link #LOCAL_ACTIVITIES}). */
  static boolean local() {
    return Workflow.getVersion(LOCAL_ACTIVITIES, Workflow.DEFAULT_VERSION, 1)
        != Workflow.DEFAULT_VERSION;
  }
}
