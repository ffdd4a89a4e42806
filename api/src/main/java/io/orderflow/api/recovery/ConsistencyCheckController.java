package io.orderflow.api.recovery;

import io.orderflow.api.problem.InvalidParameter;
import io.orderflow.recovery.OperationKind;
import io.orderflow.recovery.OperationStart;
import io.orderflow.recovery.check.CheckInput;
import io.orderflow.recovery.check.ConsistencyCheckWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/recoveries/consistency-check} starts a ConsistencyCheckWorkflow
 * (docs/runbooks/consistency-check.md). It only reads, so checks may run side by side.
 */
@RestController
class ConsistencyCheckController {
  private final WorkflowClient client;
  private final OperationLauncher launcher;

  ConsistencyCheckController(WorkflowClient client, OperationLauncher launcher) {
    this.client = client;
    this.launcher = launcher;
  }

  record Started(String operationId, String workflowId) {}

  @PostMapping("/api/recoveries/consistency-check")
  ResponseEntity<Started> start(
      @RequestBody(required = false) ConsistencyCheckRequest request,
      @RequestHeader(name = "X-Actor", required = false) String actor) {
    CheckInput input =
        input(request == null ? new ConsistencyCheckRequest(null, null) : request, actor);
    String workflowId = launcher.workflowId(ConsistencyCheckWorkflow.WORKFLOW_ID_PREFIX);
    ConsistencyCheckWorkflow workflow =
        client.newWorkflowStub(
            ConsistencyCheckWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(ConsistencyCheckWorkflow.TASK_QUEUE)
                .setStaticSummary("Consistency check by " + input.startedBy())
                .build());
    launcher.launch(
        new OperationStart(
            input.operationId(),
            OperationKind.CONSISTENCY_CHECK,
            input.startedBy(),
            input.parameters(),
            workflowId,
            null),
        () -> WorkflowClient.start(workflow::run, input));
    return ResponseEntity.accepted().body(new Started(input.operationId(), workflowId));
  }

  private static CheckInput input(ConsistencyCheckRequest request, String actor) {
    if (request.segments() != null
        && (request.segments() < 1 || request.segments() > CheckInput.MAX_SEGMENTS)) {
      throw new InvalidParameter(
          "segments", "must be between 1 and " + CheckInput.MAX_SEGMENTS + ", or left out");
    }
    if (request.staleAfterSeconds() != null && request.staleAfterSeconds() < 0) {
      throw new InvalidParameter("staleAfterSeconds", "must be 0 or more, or left out");
    }
    return new CheckInput(
        "op-" + UUID.randomUUID(),
        actor == null ? "api" : actor,
        request.segments(),
        request.staleAfterSeconds(),
        false);
  }
}
