package io.orderflow.recovery.check;

import io.orderflow.recovery.Progress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Checks the live event store, snapshots and projection for consistency and reports what it found;
 * changes nothing. Id {@code check-<ts>}; task queue {@link #TASK_QUEUE}. The worker's cron
 * schedule is one more workflow of this type, {@link #SCHEDULED_WORKFLOW_ID}, each run of which
 * starts a {@code check-<ts>} child. Cancelling a check records it CANCELLED.
 */
@WorkflowInterface
public interface ConsistencyCheckWorkflow {
  String TASK_QUEUE = "recovery";
  String WORKFLOW_ID_PREFIX = "check-";

  /** The one cron workflow that runs the scheduled checks (docs/runbooks/consistency-check.md). */
  String SCHEDULED_WORKFLOW_ID = "check-scheduled";

  /**
   * @return the report; for a run of the schedule, its child's, or one with outcome {@code
   *     CANCELLED} when that check was cancelled (the schedule goes on)
   */
  @WorkflowMethod
  CheckReport run(CheckInput input);

  /** The phase and how many scan segments (plus the set-up and verdict steps) are done. */
  @QueryMethod
  Progress progress();
}
