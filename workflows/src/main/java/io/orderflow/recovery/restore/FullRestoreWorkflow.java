package io.orderflow.recovery.restore;

import io.orderflow.recovery.Progress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Restores the events and snapshots tables from a backup. Id {@code restore-<ts>}, task queue
 * {@link #TASK_QUEUE}. Cancelling it removes the tables it created and puts the service mode and
 * the active tables back where they were.
 */
@WorkflowInterface
public interface FullRestoreWorkflow {
  String TASK_QUEUE = "recovery";
  String WORKFLOW_ID_PREFIX = "restore-";

  @WorkflowMethod
  RestoreReport run(FullRestoreInput input);

  /** The phase and how many files, scan segments and steps are done. */
  @QueryMethod
  Progress progress();
}
