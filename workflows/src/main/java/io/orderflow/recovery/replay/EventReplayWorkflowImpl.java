package io.orderflow.recovery.replay;

import io.orderflow.eventstore.PublicationActivities;
import io.orderflow.order.workflow.OrderWorkflow;
import io.orderflow.recovery.OperationFinish;
import io.orderflow.recovery.OperationKind;
import io.orderflow.recovery.OperationProgress;
import io.orderflow.recovery.OperationSearchAttributes;
import io.orderflow.recovery.OperationStart;
import io.orderflow.recovery.OperationStatus;
import io.orderflow.recovery.OperationsActivities;
import io.orderflow.recovery.Progress;
import io.orderflow.recovery.RecoveryStubs;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
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
import org.slf4j.Logger;

/**
 * The replay runbook (docs/runbooks/replay.md): select the orders, replay them in parallel batches,
 * report every order whose state changed, field by field. Continues as new every {@link
 * ReplayInput#ORDERS_PER_RUN} orders, carrying its totals.
 *
 * <p>A real run appends the corrective events histories need (in the replay activity), then
 * publishes each like any commit, then brings the corrected orders' snapshots and read models up to
 * the new head. Runs begun before corrective events existed only report them (version {@value
 * #CORRECTIVE_EVENTS}, replay guard: EventReplayHistoryTest).
 */
public class EventReplayWorkflowImpl implements EventReplayWorkflow {
  static final int PARALLEL_BATCHES = 4;
  static final String CORRECTIVE_EVENTS = "corrective-events";

  private static final Logger log = Workflow.getLogger(EventReplayWorkflowImpl.class);

  private static final RetryOptions RETRY = RecoveryStubs.retry();

  private final ReplayActivities replay =
      RecoveryStubs.heartbeating(
          ReplayActivities.class,
          Duration.ofMinutes(10),
          ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
          RETRY);
  private final OperationsActivities operations = RecoveryStubs.operations(RETRY);

  // A correction is a commit like any other: the order worker's publication activity sends it, and
  // a bus that is down must not hold the replay. The marker stays for the republish runbook.
  private final PublicationActivities publication =
      Workflow.newActivityStub(
          PublicationActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(OrderWorkflow.TASK_QUEUE)
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .setScheduleToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofMillis(200))
                      .setMaximumAttempts(5)
                      .build())
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
          totals.examined()
              + " orders replayed, "
              + totals.changedCount()
              + " changed"
              + corrected(input.dryRun()));
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
    boolean corrective =
        Workflow.getVersion(CORRECTIVE_EVENTS, Workflow.DEFAULT_VERSION, 1)
            != Workflow.DEFAULT_VERSION;
    int size = Math.max(1, input.batchSize());
    List<Promise<ReplayBatchResult>> running = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += size) {
      List<String> batch = List.copyOf(ids.subList(from, Math.min(ids.size(), from + size)));
      Workflow.await(
          () -> running.stream().filter(p -> !p.isCompleted()).count() < PARALLEL_BATCHES);
      Promise<ReplayBatchResult> replayed =
          corrective
              ? Async.function(() -> replayAndCorrect(input, batch))
              : Async.function(replay::replay, new ReplayBatch(batch, input.dryRun()));
      running.add(
          replayed.thenApply(
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

  /** One batch: replay it, then publish each correction it appended, then refresh those orders. */
  private ReplayBatchResult replayAndCorrect(ReplayInput input, List<String> batch) {
    ReplayBatchResult result =
        replay.replay(
            new ReplayBatch(batch, input.dryRun(), input.operationId(), input.startedBy(), true));
    List<HistoryCorrection> settled = new ArrayList<>();
    LinkedHashSet<String> corrected = new LinkedHashSet<>();
    for (HistoryCorrection c : result.corrections()) {
      if (c.outcome() != CorrectionOutcome.APPENDED) {
        settled.add(c);
        continue;
      }
      settled.add(c.withPublished(publish(c)));
      corrected.add(c.orderId());
    }
    if (!corrected.isEmpty()) {
      replay.refreshCorrected(new CorrectedOrders(List.copyOf(corrected)));
    }
    return result.withCorrections(settled);
  }

  private boolean publish(HistoryCorrection c) {
    try {
      publication.publishCommit(c.orderId(), c.appendedVersion());
      return true;
    } catch (ActivityFailure e) {
      log.warn(
          "correction {}@{} stays unpublished: {}",
          c.orderId(),
          c.appendedVersion(),
          e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
      return false;
    }
  }

  private String corrected(boolean dryRun) {
    CorrectionTotals c = totals.corrections();
    long found = c.appended() + c.wouldAppend() + c.needingOperator() + c.skipped();
    if (found == 0) {
      return "";
    }
    return ", "
        + (dryRun ? c.wouldAppend() + " corrections would be appended" : c.appended() + " appended")
        + (c.needingOperator() > 0 ? ", " + c.needingOperator() + " need an operator" : "");
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
