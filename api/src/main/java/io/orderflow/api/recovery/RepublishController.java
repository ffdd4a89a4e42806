package io.orderflow.api.recovery;

import io.orderflow.api.problem.InvalidParameter;
import io.orderflow.eventstore.dynamodb.ExplorerQuery;
import io.orderflow.recovery.OperationKind;
import io.orderflow.recovery.OperationStart;
import io.orderflow.recovery.republish.RepublishInput;
import io.orderflow.recovery.republish.RepublishSource;
import io.orderflow.recovery.republish.RepublishWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/recoveries/republish} starts a RepublishWorkflow (docs/runbooks/republish.md):
 * events that never reached SNS sent again, from the unpublished index, a time range or the
 * configured dead-letter queue.
 */
@RestController
class RepublishController {
  static final int MAX_EVENTS_PER_SECOND = 10_000;

  private final WorkflowClient client;
  private final OperationLauncher launcher;

  RepublishController(WorkflowClient client, OperationLauncher launcher) {
    this.client = client;
    this.launcher = launcher;
  }

  record Started(String operationId, String workflowId, String source, boolean dryRun) {}

  @PostMapping("/api/recoveries/republish")
  ResponseEntity<Started> start(
      @RequestBody(required = false) RepublishRequest request,
      @RequestHeader(name = "X-Actor", required = false) String actor) {
    RepublishInput input =
        input(
            request == null ? new RepublishRequest(null, null, null, null, null) : request, actor);
    String workflowId = launcher.workflowId(RepublishWorkflow.WORKFLOW_ID_PREFIX);
    RepublishWorkflow workflow =
        client.newWorkflowStub(
            RepublishWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(RepublishWorkflow.TASK_QUEUE)
                .setStaticSummary(
                    (input.dryRun() ? "Dry run of a republish" : "Republish")
                        + " from "
                        + input.source().wireName()
                        + " by "
                        + input.startedBy())
                .build());
    launcher.launch(
        new OperationStart(
            input.operationId(),
            OperationKind.REPUBLISH,
            input.startedBy(),
            input.parameters(),
            workflowId,
            null),
        () -> WorkflowClient.start(workflow::run, input));
    return ResponseEntity.accepted()
        .body(
            new Started(
                input.operationId(), workflowId, input.source().wireName(), input.dryRun()));
  }

  private static RepublishInput input(RepublishRequest request, String actor) {
    RepublishSource source = source(request);
    String from = null;
    String to = null;
    if (source == RepublishSource.RANGE) {
      Instant start = instant("from", request.from());
      Instant end = instant("to", request.to());
      if (!start.isBefore(end)) {
        throw new InvalidParameter("from", "must be before to (" + request.to() + ")");
      }
      if (Duration.between(start, end).compareTo(ExplorerQuery.MAX_RANGE) > 0) {
        throw new InvalidParameter(
            "to",
            "must be at most "
                + ExplorerQuery.MAX_RANGE.toDays()
                + " days after from; republish a longer range in several runs");
      }
      from = start.toString();
      to = end.toString();
    } else if (request.from() != null || request.to() != null) {
      throw new InvalidParameter(
          request.from() != null ? "from" : "to",
          "is only used with source 'range', not '" + source.wireName() + "'");
    }
    Integer rate = request.eventsPerSecond();
    if (rate != null && (rate < 1 || rate > MAX_EVENTS_PER_SECOND)) {
      throw new InvalidParameter(
          "eventsPerSecond", "must be between 1 and " + MAX_EVENTS_PER_SECOND + ", or left out");
    }
    return new RepublishInput(
        "op-" + UUID.randomUUID(),
        actor == null ? "api" : actor,
        source,
        from,
        to,
        Boolean.TRUE.equals(request.dryRun()),
        rate,
        null);
  }

  private static RepublishSource source(RepublishRequest request) {
    if (request.source() == null) {
      boolean ranged = request.from() != null || request.to() != null;
      return ranged ? RepublishSource.RANGE : RepublishSource.UNPUBLISHED;
    }
    return RepublishSource.fromWire(request.source().toLowerCase(Locale.ROOT))
        .orElseThrow(
            () ->
                new InvalidParameter(
                    "source",
                    "must be unpublished, range or dlq, not '"
                        + abbreviated(request.source())
                        + "'"));
  }

  private static Instant instant(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidParameter(
          field,
          "is required with source 'range': an ISO-8601 instant such as 2025-01-01T00:00:00Z");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidParameter(
          field,
          "must be an ISO-8601 instant such as 2025-01-01T00:00:00Z, not '"
              + abbreviated(text)
              + "'");
    }
  }

  private static String abbreviated(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
