package io.orderflow.order.workflow;

import io.orderflow.eventstore.NewCommit;
import io.orderflow.order.Order;
import java.util.List;

/**
 * What a run of {@link OrderWorkflow} starts from: a new order, or everything a previous run handed
 * over at continue-as-new.
 *
 * @param lastHash hash of the stream's last commit, which the next commit chains to
 * @param applied the most recent commands applied, for idempotent retries (bounded)
 * @param tablesRevision the active-tables revision {@code state} and {@code lastHash} were last
 *     confirmed against (see {@link NewCommit#tablesRevision()}); null when unknown
 */
public record OrderWorkflowInput(
    String orderId,
    Order state,
    String lastHash,
    OrderSettings settings,
    List<AppliedCommand> applied,
    Long tablesRevision) {

  public OrderWorkflowInput {
    // Histories recorded before these fields existed carry nulls; they mean the defaults.
    settings = settings == null ? OrderSettings.defaults() : settings;
    applied = applied == null ? List.of() : List.copyOf(applied);
  }

  /** A run whose view of the stream was never confirmed against a tables revision. */
  public OrderWorkflowInput(
      String orderId,
      Order state,
      String lastHash,
      OrderSettings settings,
      List<AppliedCommand> applied) {
    this(orderId, state, lastHash, settings, applied, null);
  }

  public static OrderWorkflowInput newOrder(String orderId) {
    return newOrder(orderId, OrderSettings.defaults());
  }

  public static OrderWorkflowInput newOrder(String orderId, OrderSettings settings) {
    return new OrderWorkflowInput(
        orderId, Order.initial(orderId), NewCommit.GENESIS_HASH, settings, List.of());
  }
}
