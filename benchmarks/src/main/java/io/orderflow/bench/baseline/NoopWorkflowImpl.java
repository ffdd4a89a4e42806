package io.orderflow.bench.baseline;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class NoopWorkflowImpl implements NoopWorkflow {
  private final NoopActivity activity =
      Workflow.newActivityStub(
          NoopActivity.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

  @Override
  public String run(NoopInput input) {
    return activity.echo(input);
  }
}
