package io.orderflow.api.operations;

import io.orderflow.api.problem.InvalidParameter;
import io.orderflow.operations.OperationRecord;
import io.orderflow.recovery.OperationStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/operations}: list, read and cancel DR operations. */
@RestController
class OperationsController {
  private final OperationViews views;
  private final WorkflowClient client;

  OperationsController(OperationViews views, WorkflowClient client) {
    this.views = views;
    this.client = client;
  }

  record OperationList(List<OperationView> operations) {}

  @GetMapping("/api/operations")
  OperationList list(@RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > 500) {
      throw new InvalidParameter("limit", "must be between 1 and 500");
    }
    return new OperationList(views.list(limit));
  }

  @GetMapping("/api/operations/{operationId}")
  OperationView get(@PathVariable String operationId) {
    return views.view(operationId);
  }

  /** Asks the workflow to cancel; it cleans up and records CANCELLED itself. */
  @PostMapping("/api/operations/{operationId}/cancel")
  ResponseEntity<Map<String, String>> cancel(@PathVariable String operationId) {
    OperationRecord op = views.record(operationId);
    if (OperationStatus.valueOf(op.status()).isFinal() || op.workflowId() == null) {
      throw new OperationFinished(operationId, op.status());
    }
    try {
      client
          .newUntypedWorkflowStub(
              op.workflowId(), Optional.ofNullable(op.runId()), Optional.empty())
          .cancel();
    } catch (WorkflowNotFoundException closed) {
      throw new OperationFinished(operationId, views.record(operationId).status());
    }
    return ResponseEntity.accepted()
        .body(
            Map.of(
                "operationId", operationId, "workflowId", op.workflowId(), "status", "CANCELLING"));
  }
}
