package io.orderflow.recovery;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A workflow's result, or, when it does not come in time, a failure that says what the workflow was
 * waiting for: its pending activities with their attempts and last failures. A kill test that only
 * reports "timeout" leaves nothing to read afterwards.
 */
public final class AwaitedResult {
  private AwaitedResult() {}

  public static <T> T of(
      WorkflowStub workflow, WorkflowServiceStubs service, Duration timeout, Class<T> type)
      throws TimeoutException {
    try {
      return workflow.getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, type);
    } catch (TimeoutException e) {
      TimeoutException explained =
          new TimeoutException(
              "no result after " + timeout + "; the workflow was " + describe(workflow, service));
      explained.initCause(e);
      throw explained;
    }
  }

  private static String describe(WorkflowStub workflow, WorkflowServiceStubs service) {
    WorkflowExecution execution = workflow.getExecution();
    DescribeWorkflowExecutionResponse described =
        service
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace("default")
                    .setExecution(execution)
                    .build());
    StringBuilder text =
        new StringBuilder(described.getWorkflowExecutionInfo().getStatus().name())
            .append(", history length ")
            .append(described.getWorkflowExecutionInfo().getHistoryLength())
            .append(", pending activities: ")
            .append(described.getPendingActivitiesCount());
    for (PendingActivityInfo activity : described.getPendingActivitiesList()) {
      text.append("\n  ")
          .append(activity.getActivityType().getName())
          .append(" ")
          .append(activity.getState().name())
          .append(", attempt ")
          .append(activity.getAttempt())
          .append(", last worker ")
          .append(activity.getLastWorkerIdentity());
      if (activity.hasLastFailure()) {
        text.append(", last failure: ").append(activity.getLastFailure().getMessage());
      }
    }
    return text.toString();
  }
}
