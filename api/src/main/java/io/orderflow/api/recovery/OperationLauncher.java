package io.orderflow.api.recovery;

import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.recovery.OperationFinish;
import io.orderflow.recovery.OperationStart;
import io.orderflow.recovery.OperationStatus;
import io.orderflow.recovery.Progress;
import io.temporal.api.common.v1.WorkflowExecution;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Starts a DR workflow as an operation: recorded first, so it is listed even if Temporal refuses
 * the start; then started; then its run recorded. A refused start is recorded FAILED and rethrown.
 */
@Component
class OperationLauncher {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final DynamoDbOperationsRegistry registry;
  private final Clock clock = Clock.systemUTC();

  OperationLauncher(DynamoDbOperationsRegistry registry) {
    this.registry = registry;
  }

  /** A workflow id of the {@code <prefix><ts>} form the runbooks use. */
  String workflowId(String prefix) {
    return prefix + TIMESTAMP.format(clock.instant()).toLowerCase();
  }

  /**
   * @param pending the operation as asked, with its workflow id and no run id yet
   * @param start starts the workflow
   */
  WorkflowExecution launch(OperationStart pending, Supplier<WorkflowExecution> start) {
    registry.recordStart(pending);
    WorkflowExecution run;
    try {
      run = start.get();
    } catch (RuntimeException refused) {
      registry.recordFinish(
          new OperationFinish(
              pending.operationId(),
              OperationStatus.FAILED,
              new Progress("NOT_STARTED", 0, 0),
              Map.of(),
              "the workflow did not start: " + refused.getMessage()));
      throw refused;
    }
    registry.recordStart(
        new OperationStart(
            pending.operationId(),
            pending.kind(),
            pending.startedBy(),
            pending.parameters(),
            pending.workflowId(),
            run.getRunId()));
    return run;
  }
}
