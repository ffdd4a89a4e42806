package io.orderflow.recovery.backup;

import io.orderflow.recovery.Progress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Backs up the event and snapshot tables. Id {@code backup-<ts>}, task queue {@link #TASK_QUEUE}.
 * Cancelling it removes the partial backup and records the operation CANCELLED.
 */
@WorkflowInterface
public interface BackupWorkflow {
  String TASK_QUEUE = "recovery";
  String WORKFLOW_ID_PREFIX = "backup-";

  @WorkflowMethod
  BackupResult run(BackupInput input);

  /** The phase and how many of the segment exports and the manifest are done. */
  @QueryMethod
  Progress progress();
}
