package io.orderflow.recovery.backup;

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
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class BackupWorkflowImpl implements BackupWorkflow {
  private static final RetryOptions RETRY = RecoveryStubs.retry(Duration.ofMinutes(1));

  // Cleanup after a cancel must not race a segment still writing: wait until each has stopped.
  private final BackupActivities backup =
      RecoveryStubs.heartbeating(
          BackupActivities.class,
          Duration.ofHours(6),
          ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
          RETRY);
  private final OperationsActivities operations = RecoveryStubs.operations(RETRY);

  private BackupPhase phase = BackupPhase.STARTING;
  private long done;
  private long total;
  private final List<Promise<SegmentExport>> running = new ArrayList<>();

  @Override
  public BackupResult run(BackupInput input) {
    int segments = Math.max(1, Math.min(BackupInput.MAX_SEGMENTS, input.segments()));
    total = 2L * segments + 1;
    String createdAt = Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
    enter(BackupPhase.STARTING, "backup " + input.backupId() + " starting");
    try {
      operations.recordStart(start(input, segments));
      List<SegmentExport> exports = new ArrayList<>();
      enter(BackupPhase.EXPORTING_EVENTS, "exporting order events in " + segments + " segments");
      record(input);
      exports.addAll(exportTable(input.backupId(), BackupTable.EVENTS, segments));
      enter(BackupPhase.EXPORTING_SNAPSHOTS, "exporting snapshots in " + segments + " segments");
      record(input);
      exports.addAll(exportTable(input.backupId(), BackupTable.SNAPSHOTS, segments));
      enter(BackupPhase.WRITING_MANIFEST, "writing the orders index and the manifest");
      record(input);
      BackupResult result =
          backup.writeManifest(
              new ManifestRequest(input.backupId(), createdAt, input.operationId(), exports));
      done = total;
      enter(
          BackupPhase.DONE, "backup " + input.backupId() + " holds " + result.orders() + " orders");
      operations.recordFinish(
          new OperationFinish(
              input.operationId(), OperationStatus.SUCCEEDED, progress(), report(result), null));
      return result;
    } catch (TemporalFailure failure) {
      boolean cancelled = CancellationScope.current().isCancelRequested();
      Workflow.newDetachedCancellationScope(() -> cleanUp(input, cancelled, failure)).run();
      throw failure;
    }
  }

  @Override
  public Progress progress() {
    return new Progress(phase.name(), done, total);
  }

  private List<SegmentExport> exportTable(String backupId, BackupTable table, int segments) {
    List<Promise<SegmentExport>> promises = new ArrayList<>();
    for (int segment = 0; segment < segments; segment++) {
      SegmentRequest request = new SegmentRequest(backupId, table, segment, segments);
      Promise<SegmentExport> export = Async.function(backup::exportSegment, request);
      running.add(export);
      promises.add(
          export.thenApply(
              result -> {
                done++;
                return result;
              }));
    }
    Promise.allOf(promises).get();
    return promises.stream().map(Promise::get).toList();
  }

  private void cleanUp(BackupInput input, boolean cancelled, TemporalFailure failure) {
    for (Promise<SegmentExport> export : running) {
      Workflow.await(export::isCompleted); // a segment still running would write after the delete
    }
    BackupPhase end = cancelled ? BackupPhase.CANCELLED : BackupPhase.FAILED;
    if (cancelled) {
      backup.deleteBackup(input.backupId());
    }
    enter(end, "backup " + input.backupId() + (cancelled ? " cancelled" : " failed"));
    operations.recordFinish(
        new OperationFinish(
            input.operationId(),
            cancelled ? OperationStatus.CANCELLED : OperationStatus.FAILED,
            progress(),
            Map.of("backupId", input.backupId(), "removed", cancelled),
            cancelled ? "cancelled" : failure.getMessage()));
  }

  private void enter(BackupPhase next, String details) {
    phase = next;
    Workflow.upsertTypedSearchAttributes(
        OperationSearchAttributes.OPERATION.valueSet(OperationKind.BACKUP.name()),
        OperationSearchAttributes.PHASE.valueSet(next.name()));
    Workflow.setCurrentDetails(details);
  }

  private void record(BackupInput input) {
    operations.recordProgress(new OperationProgress(input.operationId(), progress()));
  }

  private static OperationStart start(BackupInput input, int segments) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("backupId", input.backupId());
    parameters.put("segments", segments);
    return new OperationStart(
        input.operationId(),
        OperationKind.BACKUP,
        input.startedBy(),
        parameters,
        Workflow.getInfo().getWorkflowId(),
        Workflow.getInfo().getRunId());
  }

  private static Map<String, Object> report(BackupResult result) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("backupId", result.backupId());
    report.put("items", result.items());
    report.put("files", result.files());
    report.put("bytes", result.bytes());
    report.put("orders", result.orders());
    return report;
  }
}
