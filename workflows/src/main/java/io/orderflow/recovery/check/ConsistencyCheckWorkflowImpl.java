package io.orderflow.recovery.check;

import io.orderflow.recovery.Failures;
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
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.common.RetryOptions;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The consistency check runbook (docs/runbooks/consistency-check.md): settings → a parallel scan of
 * the active events table, one heartbeating activity per segment → the verdict for the metrics →
 * the report in the operations registry. Reads only, so a cancel has nothing to undo.
 */
public class ConsistencyCheckWorkflowImpl implements ConsistencyCheckWorkflow {
  private static final DateTimeFormatter CHECK_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'z'").withZone(ZoneOffset.UTC);
  private static final RetryOptions RETRY = RecoveryStubs.retry();

  // Reads only: a cancel need not wait for a scan to stop.
  private final ConsistencyCheckActivities scan =
      RecoveryStubs.heartbeating(
          ConsistencyCheckActivities.class,
          Duration.ofHours(6),
          ActivityCancellationType.TRY_CANCEL,
          RETRY);
  private final ConsistencyCheckActivities step =
      RecoveryStubs.steps(ConsistencyCheckActivities.class, Duration.ofMinutes(1), RETRY);
  private final OperationsActivities operations = RecoveryStubs.operations(RETRY);

  private CheckPhase phase = CheckPhase.STARTING;
  private long done;
  private long total = 2;
  private final List<SegmentCheck> finished = new ArrayList<>();

  @Override
  public CheckReport run(CheckInput input) {
    String cron = Workflow.getInfo().getCronSchedule();
    if (cron != null && !cron.isEmpty()) {
      return runForSchedule(input);
    }
    String operationId =
        input.operationId() != null ? input.operationId() : "op-" + Workflow.getInfo().getRunId();
    String startedAt = now();
    int segments = 0;
    long staleAfter = 0;
    enter(CheckPhase.STARTING, input.scheduled() ? "scheduled check starting" : "starting");
    try {
      operations.recordStart(start(input, operationId));
      CheckSettings settings = step.checkSettings();
      segments =
          Math.max(
              1,
              Math.min(
                  CheckInput.MAX_SEGMENTS,
                  input.segments() == null ? settings.segments() : input.segments()));
      staleAfter =
          Math.max(
              0,
              input.staleAfterSeconds() == null
                  ? settings.staleAfterSeconds()
                  : input.staleAfterSeconds());
      total = segments + 2L;
      done = 1;
      String cutoff =
          Instant.ofEpochMilli(Workflow.currentTimeMillis() - staleAfter * 1000).toString();

      enter(
          CheckPhase.SCANNING,
          "scanning "
              + segments
              + " segments: versions, hash chains, snapshots, projection rows, publication");
      List<Promise<SegmentCheck>> scans = new ArrayList<>();
      for (int segment = 0; segment < segments; segment++) {
        scans.add(
            Async.function(scan::checkSegment, new SegmentCheckRequest(segment, segments, cutoff))
                .thenApply(
                    check -> {
                      finished.add(check);
                      done++;
                      return check;
                    }));
      }
      for (Promise<SegmentCheck> each : scans) {
        each.get();
        operations.recordProgress(new OperationProgress(operationId, progress()));
      }

      enter(CheckPhase.REPORTING, "recording the verdict");
      CheckReport report =
          CheckReport.of(
              input, operationId, startedAt, now(), staleAfter, segments, finished, false);
      step.recordCheckVerdict(report);
      done = total;
      enter(CheckPhase.DONE, report.findingCount() + " findings in " + report.orders() + " orders");
      operations.recordFinish(
          new OperationFinish(
              operationId, OperationStatus.SUCCEEDED, progress(), report.toMap(), null));
      return report;
    } catch (TemporalFailure failure) {
      boolean cancelled = CancellationScope.current().isCancelRequested();
      CheckReport partial =
          CheckReport.of(
              input, operationId, startedAt, now(), staleAfter, segments, finished, true);
      Workflow.newDetachedCancellationScope(
              () -> end(input, operationId, partial, cancelled, failure))
          .run();
      throw failure;
    }
  }

  /**
   * A run of the cron schedule starts the check as a child, {@code check-<ts>} like one an operator
   * starts: cancelling that check (its operation) ends the child, while this run ends normally, so
   * the schedule goes on. Cancelling the schedule itself stops it.
   */
  private CheckReport runForSchedule(CheckInput input) {
    Instant startedAt = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    String checkId = WORKFLOW_ID_PREFIX + CHECK_ID_TIME.format(startedAt);
    Workflow.setCurrentDetails("schedule " + Workflow.getInfo().getCronSchedule() + ": " + checkId);
    ConsistencyCheckWorkflow check =
        Workflow.newChildWorkflowStub(
            ConsistencyCheckWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(checkId)
                .setTaskQueue(TASK_QUEUE)
                .setStaticSummary("Scheduled consistency check")
                // a check under way when the schedule is replaced finishes and reports
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .build());
    CheckInput child =
        new CheckInput(
            "op-" + Workflow.randomUUID(),
            input.startedBy(),
            input.segments(),
            input.staleAfterSeconds(),
            true);
    try {
      return check.run(child);
    } catch (ChildWorkflowFailure failure) {
      if (!(failure.getCause() instanceof CanceledFailure)) {
        throw failure;
      }
      return CheckReport.of(
          child, child.operationId(), startedAt.toString(), now(), 0, 0, List.of(), true);
    }
  }

  @Override
  public Progress progress() {
    return new Progress(phase.name(), done, total);
  }

  private void end(
      CheckInput input,
      String operationId,
      CheckReport partial,
      boolean cancelled,
      TemporalFailure failure) {
    enter(
        cancelled ? CheckPhase.CANCELLED : CheckPhase.FAILED,
        cancelled ? "cancelled" : "failed: " + Failures.rootMessage(failure));
    Map<String, Object> result = partial.toMap();
    result.put("outcome", cancelled ? "CANCELLED" : "FAILED");
    operations.recordFinish(
        new OperationFinish(
            operationId,
            cancelled ? OperationStatus.CANCELLED : OperationStatus.FAILED,
            progress(),
            result,
            cancelled ? "cancelled" : Failures.rootMessage(failure)));
  }

  private void enter(CheckPhase next, String details) {
    phase = next;
    Workflow.upsertTypedSearchAttributes(
        OperationSearchAttributes.OPERATION.valueSet(OperationKind.CONSISTENCY_CHECK.name()),
        OperationSearchAttributes.PHASE.valueSet(next.name()));
    Workflow.setCurrentDetails(details);
  }

  private static String now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
  }

  private static OperationStart start(CheckInput input, String operationId) {
    return new OperationStart(
        operationId,
        OperationKind.CONSISTENCY_CHECK,
        input.startedBy(),
        input.parameters(),
        Workflow.getInfo().getWorkflowId(),
        Workflow.getInfo().getRunId());
  }
}
