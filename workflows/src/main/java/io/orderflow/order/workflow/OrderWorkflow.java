package io.orderflow.order.workflow;

import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.order.CreateOrder;
import io.orderflow.order.Order;
import io.orderflow.order.OrderCommand;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The life of one order. Workflow id {@code order-<orderId>}, task queue {@code orders}. Every
 * change arrives as an Update, is checked by its validator (a refused command never reaches the
 * history), appended, published, projected, and answered with the new state.
 *
 * <p>{@link CommitMetadata#causationId()} is the caller's request id: the same request twice is
 * applied once, and the second gets the first's answer.
 */
@WorkflowInterface
public interface OrderWorkflow {
  String TASK_QUEUE = "orders";

  static String workflowId(String orderId) {
    return "order-" + orderId;
  }

  @WorkflowMethod
  void run(OrderWorkflowInput input);

  /** Creates the order. Sent with update-with-start: one round trip starts and creates. */
  @UpdateMethod
  Order create(CreateOrder command, CommitMetadata metadata);

  @UpdateValidatorMethod(updateName = "create")
  void validateCreate(CreateOrder command, CommitMetadata metadata);

  /** Confirms, pays, ships, delivers, cancels or refunds; the command's type names which. */
  @UpdateMethod
  CommandOutcome execute(OrderCommand command, CommitMetadata metadata);

  @UpdateValidatorMethod(updateName = "execute")
  void validateExecute(OrderCommand command, CommitMetadata metadata);

  /**
   * Re-reads the order from the tables that serve it now and takes that state in when it differs
   * from the workflow's memory: after a full restore, a command the restored order allows is then
   * judged on the restored order. Writes nothing; answers with the order as the workflow holds it.
   */
  @UpdateMethod
  Order refresh();

  @QueryMethod
  Order current();
}
