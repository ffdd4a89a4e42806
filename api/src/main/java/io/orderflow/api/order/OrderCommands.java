package io.orderflow.api.order;

import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.order.CreateOrder;
import io.orderflow.order.FieldViolation;
import io.orderflow.order.Order;
import io.orderflow.order.OrderRejected;
import io.orderflow.order.workflow.OrderWorkflow;
import io.orderflow.order.workflow.OrderWorkflowInput;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import java.lang.reflect.Type;
import java.util.List;
import org.springframework.stereotype.Component;

/** Sends commands to order workflows and waits for their answer. */
@Component
class OrderCommands {
  private final WorkflowClient client;

  OrderCommands(WorkflowClient client) {
    this.client = client;
  }

  /**
   * Starts the order's workflow and creates the order in it, in one round trip (update-with-start),
   * answering with the persisted state.
   *
   * @throws OrderRejected when the workflow refuses the command
   */
  Order create(CreateOrder command, CommitMetadata metadata) {
    OrderWorkflow workflow =
        client.newWorkflowStub(
            OrderWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(OrderWorkflow.workflowId(command.orderId()))
                .setTaskQueue(OrderWorkflow.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
    try {
      return WorkflowClient.executeUpdateWithStart(
          workflow::create,
          command,
          metadata,
          UpdateOptions.<Order>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
          new WithStartWorkflowOperation<>(
              workflow::run, OrderWorkflowInput.newOrder(command.orderId())));
    } catch (WorkflowUpdateException e) {
      throw rejection(e);
    }
  }

  private static RuntimeException rejection(WorkflowUpdateException e) {
    if (e.getCause() instanceof ApplicationFailure failure) {
      List<FieldViolation> violations = List.of();
      if (failure.getDetails().getSize() > 0) {
        violations = decodeViolations(failure);
      }
      return new OrderRejected(failure.getType(), failure.getOriginalMessage(), violations);
    }
    return e;
  }

  @SuppressWarnings("unchecked")
  private static List<FieldViolation> decodeViolations(ApplicationFailure failure) {
    try {
      return failure.getDetails().get(0, List.class, ViolationList.TYPE);
    } catch (RuntimeException notViolations) {
      return List.of();
    }
  }

  /** Carries the generic type of the violation list through Temporal's data converter. */
  private abstract static class ViolationList implements List<FieldViolation> {
    static final Type TYPE = ViolationList.class.getGenericInterfaces()[0];
  }
}
