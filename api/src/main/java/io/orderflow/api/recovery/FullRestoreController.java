package io.orderflow.api.recovery;

import io.orderflow.api.problem.InvalidParameter;
import io.orderflow.api.problem.ProblemException;
import io.orderflow.api.problem.ProblemType;
import io.orderflow.backup.BackupStore;
import io.orderflow.control.RestoreLock;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.recovery.OperationFinish;
import io.orderflow.recovery.OperationKind;
import io.orderflow.recovery.OperationStart;
import io.orderflow.recovery.OperationStatus;
import io.orderflow.recovery.Progress;
import io.orderflow.recovery.restore.FullRestoreInput;
import io.orderflow.recovery.restore.FullRestoreWorkflow;
import io.orderflow.workers.config.RestoreProperties;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/recoveries/full-restore} starts a FullRestoreWorkflow, one at a time: the
 * restore lock in {@code orderflow_control} is taken before the workflow starts.
 */
@RestController
class FullRestoreController {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final WorkflowClient client;
  private final DynamoDbOperationsRegistry registry;
  private final BackupStore backups;
  private final RestoreLock lock;
  private final RestoreProperties defaults;
  private final Clock clock = Clock.systemUTC();

  FullRestoreController(
      WorkflowClient client,
      DynamoDbOperationsRegistry registry,
      BackupStore backups,
      RestoreLock lock,
      RestoreProperties defaults) {
    this.client = client;
    this.registry = registry;
    this.backups = backups;
    this.lock = lock;
    this.defaults = defaults;
  }

  record Started(String operationId, String workflowId, String restoreId, boolean dryRun) {}

  @PostMapping("/api/recoveries/full-restore")
  ResponseEntity<Started> start(
      @RequestBody(required = false) FullRestoreRequest request,
      @RequestHeader(name = "X-Actor", required = false) String actor) {
    FullRestoreInput input = input(request, actor);
    if (backups.read(input.backupId()).isEmpty()) {
      throw new ProblemException(
          ProblemType.BACKUP_NOT_FOUND,
          "there is no complete backup " + input.backupId() + "; GET /api/backups lists them");
    }
    String workflowId = input.restoreId(); // restore-<ts>, which also names the new tables
    Map<String, Object> parameters = parameters(input);
    registry.recordStart(
        new OperationStart(
            input.operationId(),
            OperationKind.FULL_RESTORE,
            input.startedBy(),
            parameters,
            workflowId,
            null));
    // Recorded before the lock is taken, so whoever finds the lock held finds its operation too.
    if (!input.dryRun()) {
      lock.acquire(input.operationId(), clock.instant(), this::finished)
          .ifPresent(
              holder -> {
                registry.recordFinish(
                    new OperationFinish(
                        input.operationId(),
                        OperationStatus.FAILED,
                        new Progress("NOT_STARTED", 0, 0),
                        Map.of(),
                        "refused: full restore " + holder + " is running"));
                throw new ProblemException(
                    ProblemType.RESTORE_RUNNING,
                    "full restore " + holder + " is running; one restore at a time",
                    Map.of("operationId", holder));
              });
    }
    FullRestoreWorkflow workflow =
        client.newWorkflowStub(
            FullRestoreWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(FullRestoreWorkflow.TASK_QUEUE)
                .setStaticSummary(
                    (input.dryRun() ? "Dry run of a full restore" : "Full restore")
                        + " from "
                        + input.backupId()
                        + " by "
                        + input.startedBy())
                .build());
    try {
      WorkflowExecution run = WorkflowClient.start(workflow::run, input);
      registry.recordStart(
          new OperationStart(
              input.operationId(),
              OperationKind.FULL_RESTORE,
              input.startedBy(),
              parameters,
              workflowId,
              run.getRunId()));
    } catch (RuntimeException refused) {
      registry.recordFinish(
          new OperationFinish(
              input.operationId(),
              OperationStatus.FAILED,
              new Progress("NOT_STARTED", 0, 0),
              Map.of(),
              "the workflow did not start: " + refused.getMessage()));
      lock.release(input.operationId());
      throw refused;
    }
    return ResponseEntity.accepted()
        .body(new Started(input.operationId(), workflowId, input.restoreId(), input.dryRun()));
  }

  private FullRestoreInput input(FullRestoreRequest request, String actor) {
    if (request == null || request.backupId() == null || request.backupId().isBlank()) {
      throw new InvalidParameter("backupId", "is required: the backup to restore");
    }
    int sampleSize = request.sampleSize() == null ? defaults.sampleSize() : request.sampleSize();
    if (sampleSize < FullRestoreInput.ALL_ORDERS) {
      throw new InvalidParameter("sampleSize", "must be -1 (every order) or at least 0");
    }
    int parallelism =
        request.parallelism() == null ? defaults.parallelism() : request.parallelism();
    if (parallelism < 1 || parallelism > FullRestoreInput.MAX_PARALLELISM) {
      throw new InvalidParameter(
          "parallelism", "must be between 1 and " + FullRestoreInput.MAX_PARALLELISM);
    }
    String restoreId =
        FullRestoreWorkflow.WORKFLOW_ID_PREFIX + TIMESTAMP.format(clock.instant()).toLowerCase();
    return new FullRestoreInput(
        "op-" + UUID.randomUUID(),
        restoreId,
        request.backupId(),
        Boolean.TRUE.equals(request.dryRun()),
        actor == null ? "api" : actor,
        sampleSize,
        parallelism,
        Boolean.TRUE.equals(request.allowAnomalies()),
        defaults.ramp().settings());
  }

  private boolean finished(String operationId) {
    return registry.find(operationId).map(op -> !"RUNNING".equals(op.status())).orElse(false);
  }

  private static Map<String, Object> parameters(FullRestoreInput input) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("backupId", input.backupId());
    parameters.put("dryRun", input.dryRun());
    parameters.put("sampleSize", input.sampleSize());
    parameters.put("parallelism", input.parallelism());
    parameters.put("allowAnomalies", input.allowAnomalies());
    parameters.put("restoreId", input.restoreId());
    return parameters;
  }
}
