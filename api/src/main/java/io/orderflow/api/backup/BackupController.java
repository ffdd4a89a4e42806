package io.orderflow.api.backup;

import io.orderflow.api.problem.InvalidParameter;
import io.orderflow.backup.BackupStore;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.recovery.OperationFinish;
import io.orderflow.recovery.OperationKind;
import io.orderflow.recovery.OperationStart;
import io.orderflow.recovery.OperationStatus;
import io.orderflow.recovery.Progress;
import io.orderflow.recovery.backup.BackupInput;
import io.orderflow.recovery.backup.BackupWorkflow;
import io.orderflow.workers.config.OrderflowProperties;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/backups} starts a BackupWorkflow; {@code GET /api/backups} lists backups. */
@RestController
class BackupController {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final WorkflowClient client;
  private final DynamoDbOperationsRegistry registry;
  private final BackupStore store;
  private final int defaultSegments;
  private final Clock clock = Clock.systemUTC();

  BackupController(
      WorkflowClient client,
      DynamoDbOperationsRegistry registry,
      BackupStore store,
      OrderflowProperties properties) {
    this.client = client;
    this.registry = registry;
    this.store = store;
    this.defaultSegments =
        properties.backup() == null
            ? OrderflowProperties.Backup.DEFAULT_SEGMENTS
            : properties.backup().segments();
  }

  record Started(String operationId, String workflowId, String backupId) {}

  record BackupList(List<BackupView> backups) {}

  @PostMapping("/api/backups")
  ResponseEntity<Started> start(
      @RequestBody(required = false) BackupRequest request,
      @RequestHeader(name = "X-Actor", required = false) String actor) {
    int segments =
        request == null || request.segments() == null ? defaultSegments : request.segments();
    if (segments < 1 || segments > BackupInput.MAX_SEGMENTS) {
      throw new InvalidParameter("segments", "must be between 1 and " + BackupInput.MAX_SEGMENTS);
    }
    String backupId = "backup-" + TIMESTAMP.format(clock.instant());
    String workflowId = backupId; // the backup is named after the run that makes it
    String operationId = "op-" + UUID.randomUUID();
    String startedBy = actor == null ? "api" : actor;
    Map<String, Object> parameters = Map.of("backupId", backupId, "segments", segments);
    // Recorded first, so the operation is listed even if Temporal refuses the start.
    registry.recordStart(
        new OperationStart(
            operationId, OperationKind.BACKUP, startedBy, parameters, workflowId, null));
    BackupWorkflow workflow =
        client.newWorkflowStub(
            BackupWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(BackupWorkflow.TASK_QUEUE)
                .setStaticSummary(
                    "Backup " + backupId + " (" + segments + " segments) by " + startedBy)
                .build());
    try {
      WorkflowExecution run =
          WorkflowClient.start(
              workflow::run, new BackupInput(operationId, backupId, segments, startedBy));
      registry.recordStart(
          new OperationStart(
              operationId,
              OperationKind.BACKUP,
              startedBy,
              parameters,
              workflowId,
              run.getRunId()));
    } catch (RuntimeException refused) {
      registry.recordFinish(
          new OperationFinish(
              operationId,
              OperationStatus.FAILED,
              new Progress("NOT_STARTED", 0, 0),
              Map.of(),
              "the workflow did not start: " + refused.getMessage()));
      throw refused;
    }
    return ResponseEntity.accepted().body(new Started(operationId, workflowId, backupId));
  }

  @GetMapping("/api/backups")
  BackupList list() {
    return new BackupList(store.list().stream().map(BackupView::of).toList());
  }
}
