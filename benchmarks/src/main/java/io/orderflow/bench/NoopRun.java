package io.orderflow.bench;

import io.orderflow.bench.baseline.NoopInput;
import io.orderflow.bench.baseline.NoopWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.List;
import java.util.UUID;

/**
 * One client's baseline iteration: start a {@link NoopWorkflow} and wait for its result, timing the
 * start (the server has accepted it) and the whole run (start to result).
 */
final class NoopRun implements ClosedLoop.Iteration {
  static final List<String> OPERATIONS = List.of("start", "workflow");

  private final WorkflowClient client;

  NoopRun(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public void run(ClosedLoop.Recorder r) throws Exception {
    String id = "bench-noop-" + UUID.randomUUID();
    NoopWorkflow workflow =
        client.newWorkflowStub(
            NoopWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(NoopWorkflow.TASK_QUEUE)
                .build());
    String result =
        r.time(
            "workflow",
            () -> {
              r.time("start", () -> WorkflowClient.start(workflow::run, new NoopInput(id)));
              return WorkflowStub.fromTyped(workflow).getResult(String.class);
            });
    if (!id.equals(result)) {
      throw new ClosedLoop.StepFailed("the baseline workflow returned " + result);
    }
  }
}
