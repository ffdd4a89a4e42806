package io.orderflow.bench.baseline;

import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;

/**
 * The baseline's worker, started in the driver's process with the SDK's default options, as
 * orderflow's own worker runs with the Spring starter's defaults.
 */
public final class BaselineWorker implements AutoCloseable {
  private final WorkerFactory factory;

  private BaselineWorker(WorkerFactory factory) {
    this.factory = factory;
  }

  /** Registers the baseline workflow and activity on {@link NoopWorkflow#TASK_QUEUE} and polls. */
  public static BaselineWorker start(WorkflowClient client) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    var worker = factory.newWorker(NoopWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(NoopWorkflowImpl.class);
    worker.registerActivitiesImplementations(new NoopActivityImpl());
    factory.start();
    return new BaselineWorker(factory);
  }

  @Override
  public void close() {
    factory.shutdown();
    factory.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
  }
}
