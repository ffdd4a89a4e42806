package io.orderflow.recovery.rebuild;

import io.orderflow.recovery.Progress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Rebuilds a read model into a new generation and swaps it in, rolls back to the previous one, or
 * drops that. Id {@code rebuild-<projection>-<ts>}, task queue {@link #TASK_QUEUE}. Live traffic is
 * served from the active generation throughout; cancelling a rebuild withdraws and drops its new
 * generation and leaves the active one as it was.
 */
@WorkflowInterface
public interface ProjectionRebuildWorkflow {
  String TASK_QUEUE = "recovery";
  String WORKFLOW_ID_PREFIX = "rebuild-";

  static String workflowId(String projection, String timestamp) {
    return WORKFLOW_ID_PREFIX + projection + "-" + timestamp;
  }

  @WorkflowMethod
  RebuildReport run(RebuildInput input);

  /** The phase and how many steps (table, scan segments, catch-up, swap) are done. */
  @QueryMethod
  Progress progress();
}
