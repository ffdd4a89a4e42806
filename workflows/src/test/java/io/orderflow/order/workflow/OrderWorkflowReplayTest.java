package io.orderflow.order.workflow;

import static io.orderflow.order.OrderFixtures.validCreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.orderflow.order.CreateOrder;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Guards determinism: histories recorded from earlier code must replay on today's {@link
 * OrderWorkflowImpl}. A failure here means a change would break running workflows; put it behind
 * {@code Workflow.getVersion} rather than re-recording.
 *
 * <p>To re-record the histories deliberately (after a versioned change, or to add a scenario):
 *
 * <pre>
 * mvn -pl workflows test -Dtest=OrderWorkflowReplayTest -Dorderflow.recordHistories=true
 * </pre>
 *
 * which overwrites {@code src/test/resources/histories/*.json} from runs against the in-memory
 * fakes. Without the property the recorders are skipped.
 */
class OrderWorkflowReplayTest {
  static final String ORDER_CREATED = "histories/order-created.json";
  static final String CREATION_REFUSED = "histories/creation-refused.json";

  @Test
  void givenHistoryOfASuccessfulCreate_whenReplayed_thenTodaysCodeMakesTheSameDecisions()
      throws Exception {
    WorkflowReplayer.replayWorkflowExecution(resource(ORDER_CREATED), OrderWorkflowImpl.class);
  }

  @Test
  void givenHistoryOfARefusedCreation_whenReplayed_thenTodaysCodeMakesTheSameDecisions()
      throws Exception {
    WorkflowReplayer.replayWorkflowExecution(resource(CREATION_REFUSED), OrderWorkflowImpl.class);
  }

  @Test
  void theSuccessfulCreateHistoryCoversAppendPublishAndTheAnswer() {
    List<EventType> types = eventTypes(ORDER_CREATED);

    assertThat(types)
        .contains(
            EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
            EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED)
        .filteredOn(t -> t == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
        .hasSize(2);
  }

  @Test
  void theRefusedCreationHistoryEndsWhenTheCreationWindowFires() {
    List<EventType> types = eventTypes(CREATION_REFUSED);

    assertThat(types)
        .contains(EventType.EVENT_TYPE_TIMER_FIRED)
        .endsWith(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  }

  @Test
  void givenAWorkflowThatDecidesDifferently_whenReplayed_thenTheReplayFails() {
    Throwable replay =
        catchThrowable(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    resource(ORDER_CREATED), NoActivitiesOrderWorkflow.class));

    assertThat(replay).hasMessageContaining("NonDeterministicException");
  }

  @Test
  @EnabledIfSystemProperty(named = "orderflow.recordHistories", matches = "true")
  void recordOrderCreated() throws IOException {
    record(
        ORDER_CREATED,
        (env, orderId) ->
            OrderWorkflowTest.create(env.getWorkflowClient(), orderId, validCreate()));
  }

  @Test
  @EnabledIfSystemProperty(named = "orderflow.recordHistories", matches = "true")
  void recordCreationRefused() throws IOException {
    record(
        CREATION_REFUSED,
        (env, orderId) -> {
          CreateOrder invalid = new CreateOrder(orderId, "", "EUR", List.of());
          catchThrowable(() -> OrderWorkflowTest.create(env.getWorkflowClient(), orderId, invalid));
          env.sleep(OrderWorkflowImpl.CREATION_WINDOW.plusSeconds(1));
        });
  }

  private interface Scenario {
    void run(TestWorkflowEnvironment env, String orderId);
  }

  private static void record(String resource, Scenario scenario) throws IOException {
    String orderId = validCreate().orderId();
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      InMemoryEventStore store = new InMemoryEventStore();
      Worker worker = env.newWorker(OrderWorkflow.TASK_QUEUE);
      worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
      worker.registerActivitiesImplementations(store, new RecordingPublication(store));
      env.start();

      scenario.run(env, orderId);

      String json =
          env.getWorkflowClient().fetchHistory(OrderWorkflow.workflowId(orderId)).toJson(true);
      Path target = Path.of("src/test/resources").resolve(resource);
      Files.createDirectories(target.getParent());
      Files.writeString(target, json + System.lineSeparator(), StandardCharsets.UTF_8);
    }
  }

  private static List<EventType> eventTypes(String resource) {
    return WorkflowExecutionHistory.fromJson(resource(resource)).getEvents().stream()
        .map(HistoryEvent::getEventType)
        .toList();
  }

  private static String resource(String name) {
    try (InputStream in =
        OrderWorkflowReplayTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as("recorded history %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
