package io.orderflow.api.recovery;

import io.orderflow.api.problem.ProblemException;
import io.orderflow.api.problem.ProblemType;
import io.orderflow.control.RestoreLock;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.operations.OperationRecord;
import io.orderflow.recovery.OperationKind;
import io.orderflow.recovery.OperationStatus;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a DR operation must not overlap: a full restore holding the restore lock, or another
 * operation of its kind on the same target. An operation counts as running when the registry has it
 * RUNNING and its workflow still runs; a run whose end the registry missed (a restarted local
 * Temporal server) never blocks.
 */
@Component
class RunningOperations {
  private static final int RUNNING_SCAN = 500;

  private final WorkflowClient client;
  private final DynamoDbOperationsRegistry registry;
  private final RestoreLock restoreLock;

  RunningOperations(
      WorkflowClient client, DynamoDbOperationsRegistry registry, RestoreLock restoreLock) {
    this.client = client;
    this.registry = registry;
    this.restoreLock = restoreLock;
  }

  /**
   * 409 restore-running while a full restore holds the lock.
   *
   * @param advice what the operator should do instead, e.g. "rebuild after it"
   */
  void refuseWhileRestoring(String advice) {
    restoreLock
        .holder()
        .filter(this::registeredRunning)
        .ifPresent(
            holder -> {
              throw new ProblemException(
                  ProblemType.RESTORE_RUNNING,
                  "full restore " + holder + " is running; " + advice,
                  Map.of("operationId", holder));
            });
  }

  /**
   * 409 recovery-running when an operation of {@code kind} whose parameter {@code parameter} is
   * {@code value} is running.
   *
   * @param target how the message names what is busy, e.g. "order 42"
   */
  void refuseSecond(OperationKind kind, String parameter, String value, String target) {
    find(kind, parameter, value)
        .ifPresent(
            running -> {
              throw new ProblemException(
                  ProblemType.RECOVERY_RUNNING,
                  "operation " + running + " on " + target + " is running; one at a time",
                  Map.of("operationId", running));
            });
  }

  private Optional<String> find(OperationKind kind, String parameter, String value) {
    return registry.list(RUNNING_SCAN).stream()
        .filter(op -> kind.name().equals(op.kind()))
        .filter(op -> OperationStatus.RUNNING.name().equals(op.status()))
        .filter(op -> op.parameters() != null && value.equals(op.parameters().get(parameter)))
        .filter(this::workflowRunning)
        .map(OperationRecord::operationId)
        .findFirst();
  }

  private boolean registeredRunning(String operationId) {
    return registry
        .find(operationId)
        .map(op -> OperationStatus.RUNNING.name().equals(op.status()))
        .orElse(false);
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
}
