package io.orderflow.api.operations;

import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.operations.OperationRecord;
import io.orderflow.recovery.Progress;
import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads operations from the registry and, while one runs, asks its workflow for live progress. The
 * registry is the record; the query only refreshes it, so a Temporal server that forgot the run
 * still leaves the operation readable.
 */
@Component
public class OperationViews {
  private static final Logger log = LoggerFactory.getLogger(OperationViews.class);

  private final DynamoDbOperationsRegistry registry;
  private final WorkflowClient client;
  private final String temporalUi;

  OperationViews(
      DynamoDbOperationsRegistry registry,
      WorkflowClient client,
      @Value("${orderflow.api.temporal-ui-base-url:http://127.0.0.1:8233}") String temporalUi) {
    this.registry = registry;
    this.client = client;
    this.temporalUi =
        temporalUi.endsWith("/") ? temporalUi.substring(0, temporalUi.length() - 1) : temporalUi;
  }

  /**
   * @throws OperationNotFound when no operation has the id
   */
  public OperationRecord record(String operationId) {
    return registry.find(operationId).orElseThrow(() -> new OperationNotFound(operationId));
  }

  public OperationView view(String operationId) {
    return view(record(operationId), true);
  }

  public List<OperationView> list(int limit) {
    return registry.list(limit).stream().map(r -> view(r, false)).toList();
  }

  private OperationView view(OperationRecord op, boolean live) {
    Progress progress = new Progress(op.phase(), op.done(), op.total());
    if (live && "RUNNING".equals(op.status()) && op.workflowId() != null) {
      progress = liveProgress(op).orElse(progress);
    }
    return new OperationView(
        op.operationId(),
        op.kind(),
        op.status(),
        progress.phase(),
        new OperationView.ProgressView(progress.done(), progress.total(), progress.percent()),
        op.startedAt(),
        op.finishedAt(),
        op.startedBy(),
        op.parameters(),
        op.result(),
        op.error(),
        op.workflowId(),
        op.runId(),
        uiUrl(op));
  }

  private Optional<Progress> liveProgress(OperationRecord op) {
    try {
      return Optional.of(
          client
              .newUntypedWorkflowStub(
                  op.workflowId(), Optional.ofNullable(op.runId()), Optional.empty())
              .query("progress", Progress.class));
    } catch (RuntimeException e) {
      // the run may be gone (a restarted local server) or not started yet: the registry answers
      log.debug("no live progress for {}: {}", op.operationId(), e.toString());
      return Optional.empty();
    }
  }

  private String uiUrl(OperationRecord op) {
    if (op.workflowId() == null) {
      return null;
    }
    String url = temporalUi + "/namespaces/default/workflows/" + op.workflowId();
    return op.runId() == null ? url : url + "/" + op.runId();
  }
}
