package io.orderflow.order.workflow;

import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.order.CreateOrder;
import io.orderflow.order.Order;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The life of one order. Workflow id {@code order-<orderId>}, task queue {@code orders}. */
@WorkflowInterface
public interface OrderWorkflow {
  String TASK_QUEUE = "orders";

  static String workflowId(String orderId) {
    return "order-" + orderId;
  }

  @WorkflowMethod
  void run(OrderWorkflowInput input);

  /**
   * Creates the order: appends {@code OrderCreated}, publishes it, and answers with the persisted
   * state. Sent with update-with-start, so the HTTP caller learns the outcome in one round trip.
   */
  @UpdateMethod
  Order create(CreateOrder command, CommitMetadata metadata);

  /** Refuses an invalid or repeated creation before anything reaches the workflow's history. */
  @UpdateValidatorMethod(updateName = "create")
  void validateCreate(CreateOrder command, CommitMetadata metadata);

  @QueryMethod
  Order current();
}
