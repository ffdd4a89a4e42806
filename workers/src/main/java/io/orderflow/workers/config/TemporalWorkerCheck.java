package io.orderflow.workers.config;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.orderflow.restore.WorkerCheck;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.client.WorkflowClient;
import java.util.Optional;

/**
 * The restore's "workers reachable" check: somebody polls the orders task queue, or the restored
 * service would take no command. Asks Temporal's DescribeTaskQueue, which a real cluster answers
 * and the local test server does not (then the preflight notes the check as not made).
 */
final class TemporalWorkerCheck implements WorkerCheck {
  static final String ORDERS_QUEUE = "orders";

  private final WorkflowClient client;

  TemporalWorkerCheck(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public Optional<String> problem() {
    try {
      int pollers =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeTaskQueue(
                  DescribeTaskQueueRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setTaskQueue(TaskQueue.newBuilder().setName(ORDERS_QUEUE).build())
                      .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW)
                      .build())
              .getPollersCount();
      return pollers > 0
          ? Optional.empty()
          : Optional.of(
              "no worker polls the '"
                  + ORDERS_QUEUE
                  + "' task queue: start the workers before restoring");
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        throw new UnsupportedOperationException("this Temporal server has no DescribeTaskQueue", e);
      }
      throw e;
    }
  }
}
