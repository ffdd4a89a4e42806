package io.orderflow.recovery.replay;

import io.orderflow.recovery.Progress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Re-folds orders with today's code and repairs what an older fold wrote. Id {@code replay-<ts>},
 * task queue {@link #TASK_QUEUE}. Dry run unless told otherwise. Never republishes stored events; a
 * real run appends (and publishes) a corrective event where a stored history breaks a rule.
 */
@WorkflowInterface
public interface EventReplayWorkflow {
  String TASK_QUEUE = "recovery";
  String WORKFLOW_ID_PREFIX = "replay-";

  @WorkflowMethod
  ReplayReport run(ReplayInput input);

  /** The phase and how many orders are replayed. */
  @QueryMethod
  Progress progress();
}
