package io.orderflow.api.recovery;

import io.orderflow.api.problem.InvalidParameter;
import io.orderflow.api.problem.ProblemException;
import io.orderflow.api.problem.ProblemType;
import io.orderflow.backup.BackupManifest;
import io.orderflow.backup.BackupStore;
import io.orderflow.control.RestoreLock;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.operations.OperationRecord;
import io.orderflow.orderrecovery.OrderBackups;
import io.orderflow.recovery.OperationFinish;
import io.orderflow.recovery.OperationKind;
import io.orderflow.recovery.OperationStart;
import io.orderflow.recovery.OperationStatus;
import io.orderflow.recovery.Progress;
import io.orderflow.recovery.order.OrderRecoveryInput;
import io.orderflow.recovery.order.SingleOrderRecoveryWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/recoveries/order} starts a SingleOrderRecoveryWorkflow
 * (docs/runbooks/single-order-recovery.md) after checking that there is something to recover from:
 * the order is live or in a backup, and a backup (the one named, or any) holds it.
 */
@RestController
class OrderRecoveryController {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
  // Order ids are UUIDs today; this keeps anything that could break a workflow id or a log line
  // out.
  private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
  private static final int RUNNING_SCAN = 500;

  private final WorkflowClient client;
  private final DynamoDbOperationsRegistry registry;
  private final BackupStore backups;
  private final OrderBackups holders;
  private final DynamoDbEventStore events;
  private final RestoreLock restoreLock;
  private final Clock clock = Clock.systemUTC();

  OrderRecoveryController(
      WorkflowClient client,
      DynamoDbOperationsRegistry registry,
      BackupStore backups,
      DynamoDbEventStore events,
      RestoreLock restoreLock) {
    this.client = client;
    this.registry = registry;
    this.backups = backups;
    this.holders = new OrderBackups(backups);
    this.events = events;
    this.restoreLock = restoreLock;
  }

  @PostMapping("/api/recoveries/order")
  ResponseEntity<OrderRecoveryStarted> start(
      @RequestBody(required = false) OrderRecoveryRequest request,
      @RequestHeader(name = "X-Actor", required = false) String actor) {
    OrderRecoveryInput input = input(request, actor);
    String orderId = input.orderId();
    checkSomethingToRecoverFrom(orderId, input.backupId());
    if (!input.dryRun()) {
      refuseWhileRestoring();
    }
    runningRecoveryOf(orderId)
        .ifPresent(
            running -> {
              throw new ProblemException(
                  ProblemType.RECOVERY_RUNNING,
                  "recovery " + running + " of order " + orderId + " is running; one at a time",
                  Map.of("operationId", running));
            });
    String workflowId =
        SingleOrderRecoveryWorkflow.workflowId(orderId, TIMESTAMP.format(clock.instant()));
    Map<String, Object> parameters = parameters(input);
    // Recorded first, so the operation is listed even if Temporal refuses the start.
    registry.recordStart(start(input, parameters, workflowId, null));
    SingleOrderRecoveryWorkflow workflow =
        client.newWorkflowStub(
            SingleOrderRecoveryWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(SingleOrderRecoveryWorkflow.TASK_QUEUE)
                .setStaticSummary(summary(input))
                .build());
    try {
      WorkflowExecution run = WorkflowClient.start(workflow::run, input);
      registry.recordStart(start(input, parameters, workflowId, run.getRunId()));
    } catch (RuntimeException refused) {
      registry.recordFinish(
          new OperationFinish(
              input.operationId(),
              OperationStatus.FAILED,
              new Progress("NOT_STARTED", 0, 0),
              Map.of(),
              "the workflow did not start: " + refused.getMessage()));
      throw refused;
    }
    return ResponseEntity.accepted()
        .body(
            new OrderRecoveryStarted(
                input.operationId(), workflowId, orderId, input.backupId(), input.dryRun()));
  }

  private static OrderRecoveryInput input(OrderRecoveryRequest request, String actor) {
    if (request == null || request.orderId() == null || request.orderId().isBlank()) {
      throw new InvalidParameter("orderId", "is required: the order to recover");
    }
    if (!ORDER_ID.matcher(request.orderId()).matches()) {
      throw new InvalidParameter(
          "orderId", "must be 1-128 letters, digits, '.', '_', ':' or '-', not " + quoted(request));
    }
    if (request.backupId() != null && request.backupId().isBlank()) {
      throw new InvalidParameter("backupId", "must name a backup, or be left out for the newest");
    }
    return new OrderRecoveryInput(
        "op-" + UUID.randomUUID(),
        request.orderId(),
        request.backupId(),
        Boolean.TRUE.equals(request.dryRun()),
        actor == null ? "api" : actor);
  }

  /**
   * 404 order-not-found when neither the live table nor any backup knows the order; 404
   * backup-not-found when the backup named does not exist or does not hold it, or none does.
   */
  private void checkSomethingToRecoverFrom(String orderId, String backupId) {
    boolean live = events.head(orderId).isPresent();
    if (backupId != null) {
      BackupManifest named =
          backups
              .read(backupId)
              .orElseThrow(
                  () ->
                      new ProblemException(
                          ProblemType.BACKUP_NOT_FOUND,
                          "there is no complete backup "
                              + backupId
                              + "; GET /api/backups lists them"));
      if (holders.holds(named, orderId).orElse(true)) {
        return; // held, or an export without an index: the workflow reads it to find out
      }
    }
    Optional<BackupManifest> newest = holders.newestHolding(orderId);
    if (!live && newest.isEmpty()) {
      throw new ProblemException(
          ProblemType.ORDER_NOT_FOUND,
          "order " + orderId + " is neither in the live event store nor in any backup");
    }
    if (backupId != null) {
      throw new ProblemException(
          ProblemType.BACKUP_NOT_FOUND,
          "backup "
              + backupId
              + " does not hold order "
              + orderId
              + newest.map(m -> "; backup " + m.backupId() + " does").orElse(""));
    }
    if (newest.isEmpty()) {
      throw new ProblemException(
          ProblemType.BACKUP_NOT_FOUND,
          "no backup holds order "
              + orderId
              + ": it was created after the newest backup, or is only in an export without an"
              + " orders index (name that one with backupId)");
    }
  }

  // A restore is about to replace the tables this recovery would write to.
  private void refuseWhileRestoring() {
    restoreLock
        .holder()
        .filter(this::running)
        .ifPresent(
            holder -> {
              throw new ProblemException(
                  ProblemType.RESTORE_RUNNING,
                  "full restore " + holder + " is running; recover the order after it",
                  Map.of("operationId", holder));
            });
  }

  /**
   * A recovery of the order the registry has RUNNING and whose workflow still runs; a run the
   * registry missed the end of (a restarted local Temporal server) does not block.
   */
  private Optional<String> runningRecoveryOf(String orderId) {
    return registry.list(RUNNING_SCAN).stream()
        .filter(op -> OperationKind.ORDER_RECOVERY.name().equals(op.kind()))
        .filter(op -> OperationStatus.RUNNING.name().equals(op.status()))
        .filter(op -> op.parameters() != null && orderId.equals(op.parameters().get("orderId")))
        .filter(this::workflowRunning)
        .map(OperationRecord::operationId)
        .findFirst();
  }

  private boolean running(String operationId) {
    return registry.find(operationId).map(op -> "RUNNING".equals(op.status())).orElse(false);
  }

  private boolean workflowRunning(OperationRecord op) {
    if (op.workflowId() == null) {
      return false;
    }
    try {
      return client
              .newUntypedWorkflowStub(
                  op.workflowId(), Optional.ofNullable(op.runId()), Optional.empty())
              .describe()
              .getStatus()
          == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (RuntimeException gone) {
      return false;
    }
  }

  private static OperationStart start(
      OrderRecoveryInput input, Map<String, Object> parameters, String workflowId, String runId) {
    return new OperationStart(
        input.operationId(),
        OperationKind.ORDER_RECOVERY,
        input.startedBy(),
        parameters,
        workflowId,
        runId);
  }

  private static Map<String, Object> parameters(OrderRecoveryInput input) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("orderId", input.orderId());
    if (input.backupId() != null) {
      parameters.put("backupId", input.backupId());
    }
    parameters.put("dryRun", input.dryRun());
    return parameters;
  }

  private static String summary(OrderRecoveryInput input) {
    return (input.dryRun() ? "Dry run of the recovery of order " : "Recovery of order ")
        + input.orderId()
        + " from "
        + (input.backupId() == null ? "the newest backup holding it" : input.backupId())
        + " by "
        + input.startedBy();
  }

  private static String quoted(OrderRecoveryRequest request) {
    String id = request.orderId();
    return "'" + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "'";
  }
}
