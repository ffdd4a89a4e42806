package io.orderflow.api.recovery;

import io.orderflow.api.problem.InvalidParameter;
import io.orderflow.api.problem.ProblemException;
import io.orderflow.api.problem.ProblemType;
import io.orderflow.backup.BackupManifest;
import io.orderflow.backup.BackupStore;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.orderrecovery.OrderBackups;
import io.orderflow.recovery.OperationKind;
import io.orderflow.recovery.OperationStart;
import io.orderflow.recovery.order.OrderRecoveryInput;
import io.orderflow.recovery.order.SingleOrderRecoveryWorkflow;
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

  private final WorkflowClient client;
  private final OperationLauncher launcher;
  private final RunningOperations running;
  private final BackupStore backups;
  private final OrderBackups holders;
  private final DynamoDbEventStore events;
  private final Clock clock = Clock.systemUTC();

  OrderRecoveryController(
      WorkflowClient client,
      OperationLauncher launcher,
      RunningOperations running,
      BackupStore backups,
      DynamoDbEventStore events) {
    this.client = client;
    this.launcher = launcher;
    this.running = running;
    this.backups = backups;
    this.holders = new OrderBackups(backups);
    this.events = events;
  }

  @PostMapping("/api/recoveries/order")
  ResponseEntity<OrderRecoveryStarted> start(
      @RequestBody(required = false) OrderRecoveryRequest request,
      @RequestHeader(name = "X-Actor", required = false) String actor) {
    OrderRecoveryInput input = input(request, actor);
    String orderId = input.orderId();
    checkSomethingToRecoverFrom(orderId, input.backupId());
    if (!input.dryRun()) {
      // a restore is about to replace the tables this recovery would write to
      running.refuseWhileRestoring("recover the order after it");
    }
    running.refuseSecond(OperationKind.ORDER_RECOVERY, "orderId", orderId, "order " + orderId);
    String workflowId =
        SingleOrderRecoveryWorkflow.workflowId(orderId, TIMESTAMP.format(clock.instant()));
    Map<String, Object> parameters = parameters(input);
    SingleOrderRecoveryWorkflow workflow =
        client.newWorkflowStub(
            SingleOrderRecoveryWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(SingleOrderRecoveryWorkflow.TASK_QUEUE)
                .setStaticSummary(summary(input))
                .build());
    launcher.launch(
        start(input, parameters, workflowId), () -> WorkflowClient.start(workflow::run, input));
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

  private static OperationStart start(
      OrderRecoveryInput input, Map<String, Object> parameters, String workflowId) {
    return new OperationStart(
        input.operationId(),
        OperationKind.ORDER_RECOVERY,
        input.startedBy(),
        parameters,
        workflowId,
        null);
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
