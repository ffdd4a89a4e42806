package io.orderflow.order.workflow;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Order workflow specifications on Temporal's test environment, with the store, the bus and the
 * read model in memory: what a command appended, published and projected is read back from them.
 */
abstract class OrderWorkflowInMemory {
  TestWorkflowEnvironment testEnv;
  WorkflowClient client;
  InMemoryEventStore store;
  RecordingProjection projection;

  @BeforeEach
  void startWorker() {
    testEnv = TestWorkflowEnvironment.newInstance();
    store = new InMemoryEventStore();
    projection = new RecordingProjection();
    Worker worker = testEnv.newWorker(OrderWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
    worker.registerActivitiesImplementations(store, new RecordingPublication(store), projection);
    testEnv.start();
    client = testEnv.getWorkflowClient();
  }

  @AfterEach
  void stopWorker() {
    testEnv.close();
  }
}
