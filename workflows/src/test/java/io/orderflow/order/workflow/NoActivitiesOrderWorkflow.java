package io.orderflow.order.workflow;

import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.order.CreateOrder;
import io.orderflow.order.Order;
import io.orderflow.order.OrderCommand;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;

/**
 * What a careless change to {@link OrderWorkflowImpl} could look like: it answers without the
 * timer, the append or the publication. Replaying a recorded history on it must fail, which shows
 * that the replay test can.
 */
public class NoActivitiesOrderWorkflow implements OrderWorkflow {
  private final Order state;

  @WorkflowInit
  public NoActivitiesOrderWorkflow(OrderWorkflowInput input) {
    state = input.state();
  }

  @Override
  public void run(OrderWorkflowInput input) {
    Workflow.await(() -> false);
  }

  @Override
  public Order create(CreateOrder command, CommitMetadata metadata) {
    return state;
  }

  @Override
  public void validateCreate(CreateOrder command, CommitMetadata metadata) {}

  @Override
  public CommandOutcome execute(OrderCommand command, CommitMetadata metadata) {
    return new CommandOutcome(state.status(), state);
  }

  @Override
  public void validateExecute(OrderCommand command, CommitMetadata metadata) {}

  @Override
  public Order refresh() {
    return state;
  }

  @Override
  public Order current() {
    return state;
  }
}
