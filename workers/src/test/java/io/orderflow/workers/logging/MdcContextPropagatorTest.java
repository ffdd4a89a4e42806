package io.orderflow.workers.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The caller's correlation and order ids reach the activities' log lines through Temporal. */
class MdcContextPropagatorTest {
  private TestWorkflowEnvironment env;

  @WorkflowInterface
  public interface EchoWorkflow {
    @WorkflowMethod
    String run();
  }

  @ActivityInterface
  public interface MdcActivity {
    String mdcSeen();
  }

  public static class EchoWorkflowImpl implements EchoWorkflow {
    private final MdcActivity activity =
        Workflow.newActivityStub(
            MdcActivity.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public String run() {
      return activity.mdcSeen();
    }
  }

  @AfterEach
  void close() {
    MDC.clear();
    if (env != null) {
      env.close();
    }
  }

  @Test
  void givenCorrelationAndOrderIdInCallersMdc_thenActivitySeesBoth() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(
                    WorkflowClientOptions.newBuilder()
                        .setContextPropagators(List.of(new MdcContextPropagator()))
                        .build())
                .build());
    Worker worker = env.newWorker("mdc");
    worker.registerWorkflowImplementationTypes(EchoWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        (MdcActivity)
            () ->
                MDC.get(MdcContextPropagator.CORRELATION_ID)
                    + "|"
                    + MDC.get(MdcContextPropagator.ORDER_ID));
    env.start();
    MDC.put(MdcContextPropagator.CORRELATION_ID, "corr-42");
    MDC.put(MdcContextPropagator.ORDER_ID, "order-7");

    String seen =
        env.getWorkflowClient()
            .newWorkflowStub(
                EchoWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue("mdc").build())
            .run();

    assertThat(seen).isEqualTo("corr-42|order-7");
  }
}
