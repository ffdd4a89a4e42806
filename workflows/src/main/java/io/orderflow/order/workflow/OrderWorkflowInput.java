package io.orderflow.order.workflow;

import io.orderflow.eventstore.NewCommit;
import io.orderflow.order.Order;

/**
 * What a run of {@link OrderWorkflow} starts from: a new order, or the state a previous run handed
 * over at continue-as-new.
 *
 * @param lastHash hash of the stream's last commit, which the next commit chains to
 */
public record OrderWorkflowInput(String orderId, Order state, String lastHash) {
  public static OrderWorkflowInput newOrder(String orderId) {
    return new OrderWorkflowInput(orderId, Order.initial(orderId), NewCommit.GENESIS_HASH);
  }
}
