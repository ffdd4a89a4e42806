package io.orderflow.order.workflow;

import static io.orderflow.order.OrderFixtures.validCreate;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.eventstore.AppendedCommit;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.order.OrderCommand;
import io.orderflow.order.OrderFixtures;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.workflow.InMemoryEventStore.StoredCommit;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an order costs Temporal, read from its history (time skipping, in-memory fakes): each
 * command is one workflow task with its append, publication and projection as local activities; a
 * wait that is over cancels its timer, so a finished order never wakes up again; the publication
 * takes the appended commit instead of reading it back.
 */
class OrderWorkflowShapeTest {
  private static final String ORDER_ID = OrderFixtures.ORDER_ID;
  private static final String WORKFLOW_ID = OrderWorkflow.workflowId(ORDER_ID);
  private static final BigDecimal TOTAL = new BigDecimal("28.99");
  private static final OrderSettings DEFAULTS = OrderSettings.defaults();

  private TestWorkflowEnvironment testEnv;
  private WorkflowClient client;
  private InMemoryEventStore store;
  private RecordingPublication publication;
  private int requests;

  @BeforeEach
  void startWorker() {
    testEnv = TestWorkflowEnvironment.newInstance();
    store = new InMemoryEventStore();
    publication = new RecordingPublication(store);
    Worker worker = testEnv.newWorker(OrderWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
    worker.registerActivitiesImplementations(store, publication, new RecordingProjection());
    testEnv.start();
    client = testEnv.getWorkflowClient();
  }

  @AfterEach
  void stopWorker() {
    testEnv.close();
  }

  // --- timers ----------------------------------------------------------------------------------

  @Test
  void givenCreatedOrder_whenItsCreationWindowPasses_thenThatTimerNeverReachedTheHistory() {
    walkTo(0);

    testEnv.sleep(OrderWorkflowImpl.CREATION_WINDOW.plusMinutes(1));

    // created in the task that started the window: the timer was cancelled before it was sent
    assertThat(types())
        .doesNotContain(
            EventType.EVENT_TYPE_TIMER_STARTED,
            EventType.EVENT_TYPE_TIMER_FIRED,
            EventType.EVENT_TYPE_TIMER_CANCELED);
  }

  @Test
  void givenDeliveredOrder_whenThePaymentTimeoutPasses_thenNoTimerFires() {
    walkTo(4);

    testEnv.sleep(DEFAULTS.paymentTimeout().plus(OrderWorkflowImpl.CREATION_WINDOW));

    assertThat(startedTimers())
        .as("the payment timeout, then the refund window")
        .containsExactly(DEFAULTS.paymentTimeout(), DEFAULTS.refundWindow());
    List<EventType> types = types();
    assertThat(count(types, EventType.EVENT_TYPE_TIMER_CANCELED))
        .as("the payment timeout, once paid")
        .isEqualTo(1);
    assertThat(types).doesNotContain(EventType.EVENT_TYPE_TIMER_FIRED);
    assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }

  @Test
  void givenConfirmedOrder_whenCancelled_thenItsPaymentTimerIsCancelledAndTheRunEnds() {
    walkTo(1);

    execute(new OrderCommand.Cancel("changed my mind"));
    testEnv.sleep(DEFAULTS.paymentTimeout().plusMinutes(1));

    List<EventType> types = types();
    assertThat(startedTimers()).containsExactly(DEFAULTS.paymentTimeout());
    assertThat(count(types, EventType.EVENT_TYPE_TIMER_CANCELED)).isEqualTo(1);
    assertThat(types)
        .doesNotContain(EventType.EVENT_TYPE_TIMER_FIRED)
        .endsWith(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  }

  @Test
  void givenDeliveredOrder_whenRefunded_thenEveryTimerIsCancelledAndNoneFired() {
    walkTo(5);

    List<EventType> types = types();
    assertThat(startedTimers()).hasSize(2);
    assertThat(count(types, EventType.EVENT_TYPE_TIMER_CANCELED)).isEqualTo(2);
    assertThat(types)
        .doesNotContain(EventType.EVENT_TYPE_TIMER_FIRED)
        .endsWith(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  }

  @Test
  void givenConfirmedOrder_whenThePaymentTimeoutPasses_thenItsTimerFiresAndCancelsTheOrder() {
    walkTo(1);

    testEnv.sleep(DEFAULTS.paymentTimeout().plusSeconds(1));

    assertThat(count(types(), EventType.EVENT_TYPE_TIMER_FIRED)).isEqualTo(1);
    assertThat(current().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
  }

  // --- one workflow task per command -------------------------------------------------------------

  @Test
  void givenNewOrder_whenWalkedToRefunded_thenNoActivityTaskIsScheduled() {
    walkTo(5);

    assertThat(types()).doesNotContain(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
  }

  @Test
  void givenNewOrder_whenWalkedToRefunded_thenEachCommandIsOneWorkflowTask() {
    walkTo(5);

    List<EventType> types = types();
    // create, confirm, pay, ship, deliver, refund; the refund's task also ends the run
    assertThat(count(types, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED)).isEqualTo(6);
    assertThat(count(types, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)).isEqualTo(6);
    // the update is accepted, appended, published, projected and answered by one task
    assertThat(tasksBetweenAcceptanceAndCompletion(types)).containsOnly(0);
  }

  @Test
  void givenNewOrder_whenWalkedToRefunded_thenEachCommandRecordsItsThreeLocalActivities() {
    walkTo(5);

    // 6 commands x (append, publish, project), plus one marker per getVersion id
    assertThat(count(types(), EventType.EVENT_TYPE_MARKER_RECORDED)).isGreaterThanOrEqualTo(18);
  }

  // --- publication -----------------------------------------------------------------------------

  @Test
  void givenNewOrder_whenWalkedToRefunded_thenEachCommitIsPublishedFromWhatWasAppended() {
    walkTo(5);

    List<StoredCommit> stored = store.commits(ORDER_ID);
    assertThat(publication.publishedFromTheAppend())
        .extracting(AppendedCommit::commit)
        .containsExactlyElementsOf(stored.stream().map(StoredCommit::commit).toList());
    assertThat(publication.publishedFromTheAppend())
        .extracting(a -> a.result().hash())
        .containsExactlyElementsOf(stored.stream().map(StoredCommit::hash).toList());
    assertThat(stored).extracting(StoredCommit::unpublished).containsOnly(false);
  }

  // --- the walk ---------------------------------------------------------------------------------

  private static final List<OrderCommand> LIFECYCLE =
      List.of(
          new OrderCommand.Confirm(),
          new OrderCommand.Pay("pay-1", TOTAL),
          new OrderCommand.Ship("DHL", "T-1"),
          new OrderCommand.Deliver(),
          new OrderCommand.Refund(TOTAL, "damaged"));

  /** Creates the order, then sends the first {@code commands} commands of the lifecycle. */
  private void walkTo(int commands) {
    OrderWorkflowTest.create(client, ORDER_ID, validCreate());
    for (OrderCommand command : LIFECYCLE.subList(0, commands)) {
      execute(command);
    }
  }

  private CommandOutcome execute(OrderCommand command) {
    requests++;
    return client
        .newWorkflowStub(OrderWorkflow.class, WORKFLOW_ID)
        .execute(command, new CommitMetadata("corr-1", "req-" + requests, "alice", WORKFLOW_ID));
  }

  private io.orderflow.order.Order current() {
    return client.newWorkflowStub(OrderWorkflow.class, WORKFLOW_ID).current();
  }

  private WorkflowExecutionStatus status() {
    return client.newUntypedWorkflowStub(WORKFLOW_ID).describe().getStatus();
  }

  private List<EventType> types() {
    return client.fetchHistory(WORKFLOW_ID).getEvents().stream()
        .map(HistoryEvent::getEventType)
        .toList();
  }

  /**
   * How long each timer the run started was set to run, in order, to the minute: a period is
   * counted from the status change, so its timer starts a few milliseconds short of it.
   */
  private List<Duration> startedTimers() {
    return client.fetchHistory(WORKFLOW_ID).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED)
        .map(e -> e.getTimerStartedEventAttributes().getStartToFireTimeout())
        .map(d -> Duration.ofSeconds(d.getSeconds(), d.getNanos()))
        .map(d -> Duration.ofMinutes(Math.round(d.toMillis() / 60_000.0)))
        .toList();
  }

  private static long count(List<EventType> types, EventType type) {
    return types.stream().filter(type::equals).count();
  }

  /** For each update, how many workflow tasks completed between its acceptance and its answer. */
  static List<Integer> tasksBetweenAcceptanceAndCompletion(List<EventType> types) {
    List<Integer> tasks = new ArrayList<>();
    int open = -1;
    for (EventType type : types) {
      if (type == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED) {
        open = 0;
      } else if (type == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED && open >= 0) {
        open++;
      } else if (type == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED && open >= 0) {
        tasks.add(open);
        open = -1;
      }
    }
    return tasks;
  }
}
