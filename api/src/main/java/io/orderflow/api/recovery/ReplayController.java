package io.orderflow.api.recovery;

import io.orderflow.api.problem.InvalidParameter;
import io.orderflow.eventstore.dynamodb.ExplorerQuery;
import io.orderflow.recovery.OperationKind;
import io.orderflow.recovery.OperationStart;
import io.orderflow.recovery.replay.EventReplayWorkflow;
import io.orderflow.recovery.replay.ReplayInput;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/recoveries/replay} starts an EventReplayWorkflow, a dry run by default. */
@RestController
class ReplayController {
  static final int MAX_ORDER_IDS = 10_000;
  static final int BATCH_SIZE = 50;

  private final WorkflowClient client;
  private final OperationLauncher launcher;
  private final RunningOperations running;

  ReplayController(WorkflowClient client, OperationLauncher launcher, RunningOperations running) {
    this.client = client;
    this.launcher = launcher;
    this.running = running;
  }

  record Started(String operationId, String workflowId, boolean dryRun) {}

  @PostMapping("/api/recoveries/replay")
  ResponseEntity<Started> start(
      @RequestBody(required = false) ReplayRequest request,
      @RequestHeader(name = "X-Actor", required = false) String actor) {
    ReplayInput input = input(request, actor);
    if (!input.dryRun()) {
      // a restore is about to replace the tables a real run writes snapshots, rows and corrections
      // to
      running.refuseWhileRestoring("replay after it");
    }
    String workflowId = launcher.workflowId(EventReplayWorkflow.WORKFLOW_ID_PREFIX);
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (input.orderIds() != null) {
      parameters.put("orders", input.orderIds().size());
    } else {
      parameters.put("from", input.from());
      parameters.put("to", input.to());
    }
    parameters.put("dryRun", input.dryRun());
    EventReplayWorkflow workflow =
        client.newWorkflowStub(
            EventReplayWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(EventReplayWorkflow.TASK_QUEUE)
                .setStaticSummary(
                    (input.dryRun() ? "Dry-run replay" : "Replay")
                        + (input.orderIds() != null
                            ? " of " + input.orderIds().size() + " orders"
                            : " of orders changed " + input.from() + " – " + input.to())
                        + " by "
                        + input.startedBy())
                .build());
    launcher.launch(
        new OperationStart(
            input.operationId(),
            OperationKind.REPLAY,
            input.startedBy(),
            parameters,
            workflowId,
            null),
        () -> WorkflowClient.start(workflow::run, input));
    return ResponseEntity.accepted()
        .body(new Started(input.operationId(), workflowId, input.dryRun()));
  }

  private static ReplayInput input(ReplayRequest request, String actor) {
    if (request == null) {
      throw new InvalidParameter("orderIds", "give orderIds, or from and to");
    }
    boolean byIds = request.orderIds() != null;
    boolean byRange = request.from() != null || request.to() != null;
    if (byIds == byRange) {
      throw new InvalidParameter("orderIds", "give either orderIds, or from and to; not both");
    }
    List<String> ids = null;
    String from = null;
    String to = null;
    if (byIds) {
      if (request.orderIds().isEmpty() || request.orderIds().size() > MAX_ORDER_IDS) {
        throw new InvalidParameter(
            "orderIds", "must name between 1 and " + MAX_ORDER_IDS + " orders");
      }
      if (request.orderIds().stream().anyMatch(id -> id == null || id.isBlank())) {
        throw new InvalidParameter("orderIds", "must not hold blank ids");
      }
      ids = List.copyOf(request.orderIds());
    } else {
      Instant start = instant("from", request.from());
      Instant end = instant("to", request.to());
      if (!start.isBefore(end)) {
        throw new InvalidParameter("to", "must be after from");
      }
      if (Duration.between(start, end).compareTo(ExplorerQuery.MAX_RANGE) > 0) {
        throw new InvalidParameter("to", "must be at most seven days after from");
      }
      from = start.toString();
      to = end.toString();
    }
    return new ReplayInput(
        "op-" + UUID.randomUUID(),
        ids,
        from,
        to,
        null,
        !Boolean.FALSE.equals(request.dryRun()),
        actor == null ? "api" : actor,
        BATCH_SIZE,
        null);
  }

  private static Instant instant(String field, String text) {
    if (text == null) {
      throw new InvalidParameter(field, "is required with a time range");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidParameter(field, "must be an ISO-8601 instant, e.g. 2026-11-26T08:00:00Z");
    }
  }
}
