package io.orderflow.recovery.order;

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
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class SingleOrderRecoveryWorkflowImpl implements SingleOrderRecoveryWorkflow {
  /** find, extract, rebuild, compare, repair, snapshot. */
  static final long STEPS = 6;

  private static final RetryOptions RETRY = RecoveryStubs.retry(Duration.ofMinutes(1));

  // A cancel waits until a running repair has stopped between two commits: the CANCELLED record
  // must not be written while a quarantine-and-replace is still under way.
  private final OrderRecoveryActivities recovery =
      RecoveryStubs.heartbeating(
          OrderRecoveryActivities.class,
          Duration.ofHours(2),
          ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
          RETRY);
  private final OperationsActivities operations = RecoveryStubs.operations(RETRY);

  private OrderRecoveryPhase phase = OrderRecoveryPhase.STARTING;
  private long done;
  // What is known so far, for the report of a run that fails or is cancelled half-way.
  private String backupId;
  private RecoveryPlan plan;
  private RepairOutcome outcome;

  @Override
  public OrderRecoveryReport run(OrderRecoveryInput input) {
    String orderId = input.orderId();
    backupId = input.backupId();
    enter(input, OrderRecoveryPhase.STARTING, "recovery of order " + orderId + " starting");
    try {
      operations.recordStart(start(input));

      step(input, OrderRecoveryPhase.FINDING_BACKUP, "looking for the newest backup of " + orderId);
      ChosenBackup chosen = recovery.findBackup(new FindBackupRequest(orderId, input.backupId()));
      backupId = chosen.backupId();

      step(
          input, OrderRecoveryPhase.EXTRACTING, "reading order " + orderId + " out of " + backupId);
      BackupCommits backup = recovery.extract(new ExtractRequest(orderId, backupId));

      step(input, OrderRecoveryPhase.REBUILDING, rebuildingLine(backup));
      Rebuilt rebuilt = recovery.rebuild(backup);

      step(input, OrderRecoveryPhase.COMPARING, comparingLine(rebuilt));
      plan = recovery.compare(backup);

      if (input.dryRun() || plan.changes().isEmpty()) {
        outcome = input.dryRun() ? RepairOutcome.of(plan) : RepairOutcome.none();
        done++;
      } else {
        step(input, OrderRecoveryPhase.REPAIRING, plan.changes().size() + " commits to repair");
        String quarantinedAt = Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
        outcome = recovery.repair(new RepairRequest(input.operationId(), quarantinedAt, plan));
      }

      step(input, OrderRecoveryPhase.SNAPSHOTTING, snapshotLine(input));
      SnapshotResult snapshot =
          recovery.writeSnapshot(
              new SnapshotRequest(orderId, input.dryRun(), input.dryRun() ? backup : null));
      done = STEPS;

      OrderRecoveryReport report = report(input, snapshot);
      enter(input, OrderRecoveryPhase.DONE, doneLine(report));
      operations.recordFinish(
          new OperationFinish(
              input.operationId(), OperationStatus.SUCCEEDED, progress(), report.toMap(), null));
      return report;
    } catch (TemporalFailure failure) {
      boolean cancelled = CancellationScope.current().isCancelRequested();
      Workflow.newDetachedCancellationScope(() -> finishEarly(input, cancelled, failure)).run();
      throw failure;
    }
  }

  @Override
  public Progress progress() {
    return new Progress(phase.name(), done, STEPS);
  }

  private void finishEarly(OrderRecoveryInput input, boolean cancelled, TemporalFailure failure) {
    String reason = cancelled ? "cancelled" : reason(failure);
    enter(
        input,
        cancelled ? OrderRecoveryPhase.CANCELLED : OrderRecoveryPhase.FAILED,
        "recovery of order " + input.orderId() + (cancelled ? " cancelled" : " failed: " + reason));
    operations.recordFinish(
        new OperationFinish(
            input.operationId(),
            cancelled ? OperationStatus.CANCELLED : OperationStatus.FAILED,
            progress(),
            partialReport(input),
            reason));
  }

  private OrderRecoveryReport report(OrderRecoveryInput input, SnapshotResult snapshot) {
    return new OrderRecoveryReport(
        input.orderId(),
        backupId,
        input.dryRun(),
        outcome.restored(),
        outcome.quarantined(),
        plan.newer(),
        plan.unchanged(),
        snapshot.violations(),
        snapshot.version(),
        snapshot.snapshotWritten(),
        snapshot.projectionUpdated(),
        snapshot.verification());
  }

  // A failed or cancelled run tells what it had done: a repair that was cut short is finished by
  // running the recovery again.
  private Map<String, Object> partialReport(OrderRecoveryInput input) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("orderId", input.orderId());
    report.put("backupId", backupId);
    report.put("dryRun", input.dryRun());
    if (plan != null) {
      report.put("planned", plan.changes().size());
      report.put("kept", plan.newer());
    }
    if (outcome != null) {
      report.put("restored", outcome.restored());
      report.put(
          "quarantined",
          outcome.quarantined().stream().map(q -> q.version() + " " + q.reason()).toList());
    }
    return report;
  }

  private void step(OrderRecoveryInput input, OrderRecoveryPhase next, String details) {
    if (next != OrderRecoveryPhase.FINDING_BACKUP) {
      done++;
    }
    enter(input, next, details);
    operations.recordProgress(new OperationProgress(input.operationId(), progress()));
  }

  private void enter(OrderRecoveryInput input, OrderRecoveryPhase next, String details) {
    phase = next;
    Workflow.upsertTypedSearchAttributes(
        OperationSearchAttributes.OPERATION.valueSet(OperationKind.ORDER_RECOVERY.name()),
        OperationSearchAttributes.PHASE.valueSet(next.name()),
        OperationSearchAttributes.ORDER_ID.valueSet(input.orderId()));
    Workflow.setCurrentDetails(details);
  }

  private static OperationStart start(OrderRecoveryInput input) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("orderId", input.orderId());
    if (input.backupId() != null) {
      parameters.put("backupId", input.backupId());
    }
    parameters.put("dryRun", input.dryRun());
    return new OperationStart(
        input.operationId(),
        OperationKind.ORDER_RECOVERY,
        input.startedBy(),
        parameters,
        Workflow.getInfo().getWorkflowId(),
        Workflow.getInfo().getRunId());
  }

  /** The operator's reason: the message of the activity's own failure, not Temporal's wrapping. */
  private static String reason(TemporalFailure failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure application) {
        return application.getOriginalMessage();
      }
    }
    return failure.getMessage();
  }

  private static String rebuildingLine(BackupCommits backup) {
    return "folding "
        + backup.commits().size()
        + " commits (versions 1.."
        + backup.lastVersion()
        + ") of "
        + backup.backupId()
        + " and checking the rules";
  }

  private static String comparingLine(Rebuilt rebuilt) {
    return "backup copy is "
        + rebuilt.status()
        + " at version "
        + rebuilt.version()
        + (rebuilt.violations().isEmpty()
            ? ""
            : " and breaks " + rebuilt.violations().size() + " rules")
        + "; comparing with the live stream";
  }

  private static String snapshotLine(OrderRecoveryInput input) {
    return input.dryRun()
        ? "dry run: verifying the stream the plan would leave, writing nothing"
        : "verifying the live stream and writing a fresh snapshot";
  }

  private static String doneLine(OrderRecoveryReport report) {
    List<Long> restored = report.restored();
    return (report.dryRun() ? "dry run: would restore " : "restored ")
        + restored.size()
        + ", "
        + (report.dryRun() ? "would quarantine " : "quarantined ")
        + report.quarantined().size()
        + ", kept "
        + report.kept().size()
        + "; order at version "
        + report.snapshotVersion();
  }
}
