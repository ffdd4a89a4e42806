package io.orderflow.recovery.replay;

import io.orderflow.recovery.OperationFinish;
import io.orderflow.recovery.OperationKind;
import io.orderflow.recovery.OperationProgress;
import io.orderflow.recovery.OperationSearchAttributes;
import io.orderflow.recovery.OperationStart;
import io.orderflow.recovery.OperationStatus;
import io.orderflow.recovery.OperationsActivities;
import io.orderflow.recovery.Progress;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The replay runbook (docs/runbooks/replay.md): select the orders, replay them in parallel batches,
 * report every order whose state changed, field by field. Continues as new every {@link
 * ReplayInput#ORDERS_PER_RUN} orders, carrying its totals.
 */
public class EventReplayWorkflowImpl implements EventReplayWorkflow {
  static final int PARALLEL_BATCHES = 4;

  private static final RetryOptions RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setMaximumInterval(Duration.ofSeconds(30))
          .build();

  private final ReplayActivities replay =
      Workflow.newActivityStub(
          ReplayActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(10))
              .setHeartbeatTimeout(Duration.ofSeconds(30))
              .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
              .setRetryOptions(RETRY)
              .build());

  private final OperationsActivities operations =
      Workflow.newActivityStub(
          OperationsActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .setRetryOptions(RETRY)
              .build());

  private ReplayPhase phase = ReplayPhase.SELECTING;
  private ReplayTotals totals;
  private long known;

  @Override
  public ReplayReport run(ReplayInput input) {
    totals =
        input.carried() != null
            ? input.carried()
            : ReplayTotals.empty(Workflow.currentTimeMillis());
    known = totals.examined();
    try {
      if (input.carried() == null) {
        enter(ReplayPhase.SELECTING, "selecting the orders to replay");
        operations.recordStart(start(input));
      }
      List<String> ids;
      String nextPage = null;
      if (input.orderIds() != null) {
        ids = List.copyOf(new LinkedHashSet<>(input.orderIds()));
      } else {
        OrderSelection page = replay.selectOrders(input.from(), input.to(), input.pageToken());
        ids = page.orderIds();
        nextPage = page.nextPageToken();
      }
      List<String> now = ids.subList(0, Math.min(ids.size(), ReplayInput.ORDERS_PER_RUN));
      List<String> later = ids.subList(now.size(), ids.size());
      known += ids.size();
      enter(
          ReplayPhase.REPLAYING,
          (input.dryRun() ? "dry run: " : "") + "replaying " + now.size() + " orders");
      replayAll(input, now);

      if (!later.isEmpty() || nextPage != null) {
        Workflow.continueAsNew(
            new ReplayInput(
                input.operationId(),
                later.isEmpty() ? null : List.copyOf(later),
                input.from(),
                input.to(),
                later.isEmpty() ? nextPage : input.pageToken(),
                input.dryRun(),
                input.startedBy(),
                input.batchSize(),
                totals));
      }
      ReplayReport report = new ReplayReport(input.dryRun(), totals);
      enter(
          ReplayPhase.DONE,
          totals.examined() + " orders replayed, " + totals.changedCount() + " changed");
      OperationFinish finish =
          new OperationFinish(
              input.operationId(), OperationStatus.SUCCEEDED, progress(), report.toMap(), null);
      operations.recordFinish(finish);
      replay.recordDuration(finish, Workflow.currentTimeMillis() - totals.startedAtMillis());
      return report;
    } catch (TemporalFailure failure) {
      boolean cancelled = CancellationScope.current().isCancelRequested();
      Workflow.newDetachedCancellationScope(
              () -> {
                enter(
                    cancelled ? ReplayPhase.CANCELLED : ReplayPhase.FAILED,
                    cancelled ? "replay cancelled" : "replay failed");
                Map<String, Object> partial = new ReplayReport(input.dryRun(), totals).toMap();
                operations.recordFinish(
                    new OperationFinish(
                        input.operationId(),
                        cancelled ? OperationStatus.CANCELLED : OperationStatus.FAILED,
                        progress(),
                        partial,
                        cancelled ? "cancelled" : failure.getMessage()));
              })
          .run();
      throw failure;
    }
  }

  @Override
  public Progress progress() {
    return new Progress(phase.name(), totals == null ? 0 : totals.examined(), known);
  }

  private void replayAll(ReplayInput input, List<String> ids) {
    int size = Math.max(1, input.batchSize());
    List<Promise<ReplayBatchResult>> running = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += size) {
      List<String> batch = List.copyOf(ids.subList(from, Math.min(ids.size(), from + size)));
      Workflow.await(
          () -> running.stream().filter(p -> !p.isCompleted()).count() < PARALLEL_BATCHES);
      running.add(
          Async.function(replay::replay, new ReplayBatch(batch, input.dryRun()))
              .thenApply(
                  result -> {
                    totals = totals.plus(result);
                    // not blocking inside a callback: the record goes out as its own activity
                    Async.procedure(
                        operations::recordProgress,
                        new OperationProgress(input.operationId(), progress()));
                    return result;
                  }));
    }
    Promise.allOf(running).get();
  }

  private void enter(ReplayPhase next, String details) {
    phase = next;
    Workflow.upsertTypedSearchAttributes(
        OperationSearchAttributes.OPERATION.valueSet(OperationKind.REPLAY.name()),
        OperationSearchAttributes.PHASE.valueSet(next.name()));
    Workflow.setCurrentDetails(details);
  }

  private static OperationStart start(ReplayInput input) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (input.orderIds() != null) {
      parameters.put(
          "orderIds",
          input.orderIds().size() <= 50 ? input.orderIds() : input.orderIds().size() + " orders");
    } else {
      parameters.put("from", input.from());
      parameters.put("to", input.to());
    }
    parameters.put("dryRun", input.dryRun());
    return new OperationStart(
        input.operationId(),
        OperationKind.REPLAY,
        input.startedBy(),
        parameters,
        Workflow.getInfo().getWorkflowId(),
        Workflow.getInfo().getRunId());
  }
}
