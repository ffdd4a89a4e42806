package io.orderflow.recovery.republish;

import io.orderflow.recovery.Progress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Sends stored events to the SNS topic again, batch by batch. Id {@code republish-<ts>}, task queue
 * {@link #TASK_QUEUE}. Cancelling it stops after the event in flight: what went out stays out, a
 * commit is marked published only once all of its events went.
 */
@WorkflowInterface
public interface RepublishWorkflow {
  String TASK_QUEUE = "recovery";
  String WORKFLOW_ID_PREFIX = "republish-";

  @WorkflowMethod
  RepublishReport run(RepublishInput input);

  /** The phase, and how many commits are done of those the source held at the start. */
  @QueryMethod
  Progress progress();
}
