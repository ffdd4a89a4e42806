package io.orderflow.recovery.order;

import io.orderflow.recovery.Progress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Recovers one order from a backup (docs/runbooks/single-order-recovery.md). Id {@code
 * recover-order-<orderId>-<ts>}, task queue {@link #TASK_QUEUE}. Commits missing live are restored,
 * live commits that differ from the backup are moved to the quarantine table (never overwritten in
 * place), commits newer than the backup are kept and verified, and a fresh snapshot is written. A
 * second run changes nothing; a dry run changes nothing and reports what a real run would change.
 * Cancelling it lets a running repair step stop between two commits and records CANCELLED.
 */
@WorkflowInterface
public interface SingleOrderRecoveryWorkflow {
  String TASK_QUEUE = "recovery";
  String WORKFLOW_ID_PREFIX = "recover-order-";

  /** {@code recover-order-<orderId>-<timestamp>}: one id per run, so runs can repeat. */
  static String workflowId(String orderId, String timestamp) {
    return WORKFLOW_ID_PREFIX + orderId + "-" + timestamp;
  }

  @WorkflowMethod
  OrderRecoveryReport run(OrderRecoveryInput input);

  /**
   * The phase and how many of the steps (find, extract, rebuild, compare, repair, snapshot) ran.
   */
  @QueryMethod
  Progress progress();
}
