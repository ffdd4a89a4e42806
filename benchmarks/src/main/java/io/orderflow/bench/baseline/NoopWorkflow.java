package io.orderflow.bench.baseline;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Runs {@link NoopActivity} once and returns what it returned. */
@WorkflowInterface
public interface NoopWorkflow {
  /** The task queue the baseline's own worker polls, apart from orderflow's {@code orders}. */
  String TASK_QUEUE = "bench-baseline";

  @WorkflowMethod
  String run(NoopInput input);
}
