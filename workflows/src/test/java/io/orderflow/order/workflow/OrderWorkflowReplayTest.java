package io.orderflow.order.workflow;

import static io.orderflow.order.OrderFixtures.validCreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.order.CreateOrder;
import io.orderflow.order.OrderCommand;
import io.orderflow.order.OrderConfirmed;
import io.orderflow.order.OrderStatus;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Guards determinism: histories recorded from earlier code must replay on today's {@link
 * OrderWorkflowImpl}. A failure here means a change would break running workflows; put it behind
 * {@code Workflow.getVersion} rather than re-recording.
 *
 * <p>To record a history deliberately (a new scenario), name its recorder:
 *
 * <pre>
 * mvn -pl workflows test -Dtest='OrderWorkflowReplayTest#recordOrderLifecycle' \
 *     -Dorderflow.recordHistories=true
 * </pre>
 *
 * which overwrites that one {@code src/test/resources/histories/*.json} from a run against the
 * in-memory fakes. Without the property the recorders are skipped. Do not re-record the older
 * histories with today's code: {@code order-created.json} predates the projection and is what
 * replays the {@code project-after-publish} default branch; {@code creation-refused.json} and
 * {@code order-created.json} predate the payment timer ({@code payment-timeout} default branch).
 * {@code reload-after-restore.json} goes through the reload after a full restore ({@code
 * reload-after-restore} version 1); every older history replays its default branch.
 *
 * <p>The histories ending in {@code -local.json}, and {@code reload-on-conflict.json}, are the
 * shape of today: {@code cancel-await-timers}, {@code publish-appended} and {@code
 * local-command-activities} at version 1 (one workflow task per command, its append, publication
 * and projection recorded as local-activity markers, timers cancelled when their wait is over);
 * {@code reload-on-conflict.json} also goes through {@code reload-on-conflict} version 1. Every
 * history recorded before them replays those changes' default branches.
 */
class OrderWorkflowReplayTest {
  static final String ORDER_CREATED = "histories/order-created.json";
  static final String CREATION_REFUSED = "histories/creation-refused.json";
  static final String ORDER_LIFECYCLE = "histories/order-lifecycle.json";
  static final String PAYMENT_TIMEOUT = "histories/payment-timeout.json";
  static final String RELOAD_AFTER_RESTORE = "histories/reload-after-restore.json";
  static final String ORDER_LIFECYCLE_LOCAL = "histories/order-lifecycle-local.json";
  static final String PAYMENT_TIMEOUT_LOCAL = "histories/payment-timeout-local.json";
  static final String RELOAD_ON_CONFLICT = "histories/reload-on-conflict.json";

  @Test
  void givenHistoryOfASuccessfulCreate_whenReplayed_thenTodaysCodeMakesTheSameDecisions()
      throws Exception {
    replay(resource(ORDER_CREATED));
  }

  @Test
  void givenHistoryOfARefusedCreation_whenReplayed_thenTodaysCodeMakesTheSameDecisions()
      throws Exception {
    replay(resource(CREATION_REFUSED));
  }

  @Test
  void givenHistoryOfAWholeLifecycle_whenReplayed_thenTodaysCodeMakesTheSameDecisions()
      throws Exception {
    replay(resource(ORDER_LIFECYCLE));
  }

  @Test
  void givenHistoryOfAPaymentTimeout_whenReplayed_thenTodaysCodeMakesTheSameDecisions()
      throws Exception {
    replay(resource(PAYMENT_TIMEOUT));
  }

  @Test
  void givenHistoryOfAReloadAfterARestore_whenReplayed_thenTodaysCodeMakesTheSameDecisions()
      throws Exception {
    replay(resource(RELOAD_AFTER_RESTORE));
  }

  @Test
  void givenHistoryOfALifecycleWithLocalActivities_whenReplayed_thenTodaysCodeDecidesTheSame()
      throws Exception {
    replay(resource(ORDER_LIFECYCLE_LOCAL));
  }

  @Test
  void givenHistoryOfAPaymentTimeoutWithLocalActivities_whenReplayed_thenTodaysCodeDecidesTheSame()
      throws Exception {
    replay(resource(PAYMENT_TIMEOUT_LOCAL));
  }

  @Test
  void givenHistoryOfAReloadOnConflict_whenReplayed_thenTodaysCodeMakesTheSameDecisions()
      throws Exception {
    replay(resource(RELOAD_ON_CONFLICT));
  }

  @Test
  void theLocalLifecycleHistoryHasOneTaskPerCommandNoActivityTaskAndNoTimerLeft() {
    List<EventType> types = eventTypes(ORDER_LIFECYCLE_LOCAL);

    // create, confirm, pay, ship, deliver, refund: one workflow task each
    assertThat(types)
        .filteredOn(t -> t == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED)
        .hasSize(6);
    assertThat(types).filteredOn(t -> t == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED).hasSize(6);
    assertThat(OrderWorkflowShapeTest.tasksBetweenAcceptanceAndCompletion(types)).containsOnly(0);
    // append, publish and project of each command are markers, not activity tasks
    assertThat(types).doesNotContain(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
    List<String> markers = markers(ORDER_LIFECYCLE_LOCAL);
    assertThat(markers)
        .anyMatch(m -> m.contains(TimedWait.CANCEL_AWAIT_TIMERS))
        .anyMatch(m -> m.contains(CommandActivities.LOCAL_ACTIVITIES))
        .anyMatch(m -> m.contains(CommandActivities.PUBLISH_APPENDED));
    assertThat(markers).filteredOn(m -> m.contains("\"AppendCommit\"")).hasSize(6);
    assertThat(markers).filteredOn(m -> m.contains("\"PublishAppended\"")).hasSize(6);
    assertThat(markers).filteredOn(m -> m.contains("\"ProjectOrder\"")).hasSize(6);
    // the payment timeout and the refund window, each cancelled; the creation window never left
    // the first task
    assertThat(types).filteredOn(t -> t == EventType.EVENT_TYPE_TIMER_STARTED).hasSize(2);
    assertThat(types).filteredOn(t -> t == EventType.EVENT_TYPE_TIMER_CANCELED).hasSize(2);
    assertThat(types)
        .doesNotContain(EventType.EVENT_TYPE_TIMER_FIRED)
        .endsWith(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  }

  @Test
  void theLocalPaymentTimeoutHistoryCommitsTheCancellationInTheTimersTask() {
    List<EventType> types = eventTypes(PAYMENT_TIMEOUT_LOCAL);

    assertThat(types)
        .containsSubsequence(
            EventType.EVENT_TYPE_TIMER_FIRED,
            EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
            EventType.EVENT_TYPE_MARKER_RECORDED,
            EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED)
        .doesNotContain(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
    // create, confirm, and the timer's task
    assertThat(types).filteredOn(t -> t == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED).hasSize(3);
  }

  @Test
  void theConflictHistoryAppendsTwiceReloadsOnceAndLandsTheCancellationOnTop() {
    List<String> markers = markers(RELOAD_ON_CONFLICT);

    assertThat(markers).anyMatch(m -> m.contains(OrderWorkflowImpl.RELOAD_ON_CONFLICT));
    assertThat(markers).filteredOn(m -> m.contains("\"LoadOrder\"")).hasSize(1);
    assertThat(markers).filteredOn(m -> m.contains("\"AppendCommit\"")).hasSize(3);
    assertThat(markers)
        .filteredOn(m -> m.contains(EventStoreActivities.CONCURRENCY_CONFLICT))
        .hasSize(1);
    assertThat(eventTypes(RELOAD_ON_CONFLICT))
        .filteredOn(t -> t == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED)
        .hasSize(2);
  }

  @Test
  void theReloadHistoryRefusesOneAppendReloadsOnceAndRefundsTheRestoredOrder() {
    List<HistoryEvent> events =
        WorkflowExecutionHistory.fromJson(resource(RELOAD_AFTER_RESTORE)).getEvents();

    assertThat(activityTypes(events, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED))
        .containsSubsequence("AppendCommit", "AppendCommit", "LoadOrder", "AppendCommit")
        .filteredOn("LoadOrder"::equals)
        .hasSize(1);
    assertThat(events)
        .filteredOn(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED)
        .singleElement()
        .satisfies(
            failed ->
                assertThat(
                        failed
                            .getActivityTaskFailedEventAttributes()
                            .getFailure()
                            .getApplicationFailureInfo()
                            .getType())
                    .isEqualTo(EventStoreActivities.STREAM_RESTORED));
    assertThat(events)
        .filteredOn(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED)
        .extracting(OrderWorkflowReplayTest::markerDetails)
        .anySatisfy(
            details -> assertThat(details).contains(OrderWorkflowImpl.RELOAD_AFTER_RESTORE));
    // create, confirm, pay, ship, deliver, and the refund that reloaded first
    assertThat(events)
        .extracting(HistoryEvent::getEventType)
        .filteredOn(t -> t == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED)
        .hasSize(6);
    assertThat(events.get(events.size() - 1).getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  }

  @Test
  void theLifecycleHistoryCoversSixCommandsEachAppendedPublishedAndProjectedThenTheEnd() {
    List<EventType> types = eventTypes(ORDER_LIFECYCLE);

    // create, confirm, pay, ship, deliver, refund
    assertThat(types)
        .filteredOn(t -> t == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED)
        .hasSize(6);
    assertThat(types)
        .filteredOn(t -> t == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
        .hasSize(18);
    // the creation window, the payment timeout and the refund window, none of which fired
    assertThat(types).filteredOn(t -> t == EventType.EVENT_TYPE_TIMER_STARTED).hasSize(3);
    // the getVersion markers: payment-timeout and project-after-publish at version 1
    assertThat(types).filteredOn(t -> t == EventType.EVENT_TYPE_MARKER_RECORDED).hasSize(2);
    assertThat(types)
        .doesNotContain(EventType.EVENT_TYPE_TIMER_FIRED)
        .endsWith(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  }

  @Test
  void thePaymentTimeoutHistoryFiresTheTimerAndCommitsTheCancellation() {
    List<EventType> types = eventTypes(PAYMENT_TIMEOUT);

    assertThat(types)
        .contains(EventType.EVENT_TYPE_TIMER_FIRED)
        .endsWith(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
    // create and confirm by update; the cancellation by the timer, without one
    assertThat(types)
        .filteredOn(t -> t == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED)
        .hasSize(2);
    assertThat(types).filteredOn(t -> t == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED).hasSize(9);
  }

  @Test
  void givenAWorkflowThatDecidesDifferently_whenTheLifecycleIsReplayed_thenTheReplayFails() {
    Throwable replay =
        catchThrowable(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    resource(ORDER_LIFECYCLE), NoActivitiesOrderWorkflow.class));

    assertThat(replay).hasMessageContaining("NonDeterministicException");
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
  void givenAWorkflowThatDecidesDifferently_whenTheLocalLifecycleIsReplayed_thenTheReplayFails() {
    Throwable replay =
        catchThrowable(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    resource(ORDER_LIFECYCLE_LOCAL), NoActivitiesOrderWorkflow.class));

    assertThat(replay).hasMessageContaining("NonDeterministicException");
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
        (env, orderId, store) ->
            OrderWorkflowTest.create(env.getWorkflowClient(), orderId, validCreate()));
  }

  @Test
  @EnabledIfSystemProperty(named = "orderflow.recordHistories", matches = "true")
  void recordCreationRefused() throws IOException {
    record(
        CREATION_REFUSED,
        (env, orderId, store) -> {
          CreateOrder invalid = new CreateOrder(orderId, "", "EUR", List.of());
          catchThrowable(() -> OrderWorkflowTest.create(env.getWorkflowClient(), orderId, invalid));
          env.sleep(OrderWorkflowImpl.CREATION_WINDOW.plusSeconds(1));
        });
  }

  @Test
  @EnabledIfSystemProperty(named = "orderflow.recordHistories", matches = "true")
  void recordOrderLifecycle() throws IOException {
    record(ORDER_LIFECYCLE, (env, orderId, store) -> walkToRefund(env, orderId));
  }

  @Test
  @EnabledIfSystemProperty(named = "orderflow.recordHistories", matches = "true")
  void recordPaymentTimeout() throws IOException {
    record(PAYMENT_TIMEOUT, (env, orderId, store) -> confirmAndTimeOut(env, orderId));
  }

  @Test
  @EnabledIfSystemProperty(named = "orderflow.recordHistories", matches = "true")
  void recordReloadAfterRestore() throws IOException {
    record(
        RELOAD_AFTER_RESTORE,
        (env, orderId, store) -> {
          OrderWorkflowTest.create(env.getWorkflowClient(), orderId, validCreate());
          BigDecimal total = new BigDecimal("28.99");
          List<OrderCommand> commands =
              List.of(
                  new OrderCommand.Confirm(),
                  new OrderCommand.Pay("pay-1", total),
                  new OrderCommand.Ship("DHL", "T-1"),
                  new OrderCommand.Deliver());
          for (OrderCommand command : commands) {
            execute(env, orderId, command);
          }
          // a full restore from a backup taken while the order was paid
          store.restore(orderId, 3);
          CommandOutcome refunded = execute(env, orderId, new OrderCommand.Refund(total, "lost"));
          assertThat(refunded.from()).isEqualTo(OrderStatus.PAID);
          assertThat(refunded.order().version()).isEqualTo(4);
          awaitEnd(env, orderId);
        });
  }

  @Test
  @EnabledIfSystemProperty(named = "orderflow.recordHistories", matches = "true")
  void recordOrderLifecycleLocal() throws IOException {
    record(ORDER_LIFECYCLE_LOCAL, (env, orderId, store) -> walkToRefund(env, orderId));
  }

  @Test
  @EnabledIfSystemProperty(named = "orderflow.recordHistories", matches = "true")
  void recordPaymentTimeoutLocal() throws IOException {
    record(PAYMENT_TIMEOUT_LOCAL, (env, orderId, store) -> confirmAndTimeOut(env, orderId));
  }

  @Test
  @EnabledIfSystemProperty(named = "orderflow.recordHistories", matches = "true")
  void recordReloadOnConflict() throws IOException {
    record(
        RELOAD_ON_CONFLICT,
        (env, orderId, store) -> {
          OrderWorkflowTest.create(env.getWorkflowClient(), orderId, validCreate());
          // a recovery confirmed the order under its workflow
          store.appendFromAnotherWriter(orderId, new OrderConfirmed());
          CommandOutcome cancelled =
              execute(env, orderId, new OrderCommand.Cancel("changed my mind"));
          assertThat(cancelled.from()).isEqualTo(OrderStatus.CONFIRMED);
          assertThat(cancelled.order().version()).isEqualTo(3);
          awaitEnd(env, orderId);
        });
  }

  private static CommandOutcome execute(
      TestWorkflowEnvironment env, String orderId, OrderCommand command) {
    return env.getWorkflowClient()
        .newWorkflowStub(OrderWorkflow.class, OrderWorkflow.workflowId(orderId))
        .execute(
            command,
            new CommitMetadata(
                "corr-1", "cmd-" + command.name(), "alice", OrderWorkflow.workflowId(orderId)));
  }

  private static void awaitEnd(TestWorkflowEnvironment env, String orderId) {
    try {
      env.getWorkflowClient()
          .newUntypedWorkflowStub(OrderWorkflow.workflowId(orderId))
          .getResult(10, TimeUnit.SECONDS, Void.class);
    } catch (TimeoutException e) {
      throw new AssertionError("the recorded workflow did not end", e);
    }
  }

  private interface Scenario {
    void run(TestWorkflowEnvironment env, String orderId, InMemoryEventStore store);
  }

  private static void record(String resource, Scenario scenario) throws IOException {
    String orderId = validCreate().orderId();
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      InMemoryEventStore store = new InMemoryEventStore();
      Worker worker = env.newWorker(OrderWorkflow.TASK_QUEUE);
      worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
      worker.registerActivitiesImplementations(
          store, new RecordingPublication(store), new RecordingProjection());
      env.start();

      scenario.run(env, orderId, store);

      String json =
          env.getWorkflowClient().fetchHistory(OrderWorkflow.workflowId(orderId)).toJson(true);
      Path target = Path.of("src/test/resources").resolve(resource);
      Files.createDirectories(target.getParent());
      Files.writeString(target, json + System.lineSeparator(), StandardCharsets.UTF_8);
    }
  }

  private static String markerDetails(HistoryEvent marker) {
    return marker.getMarkerRecordedEventAttributes().getDetailsMap().values().stream()
        .flatMap(payloads -> payloads.getPayloadsList().stream())
        .map(payload -> payload.getData().toStringUtf8())
        .toList()
        .toString();
  }

  /** The details of every marker of a recorded history, each as one text. */
  private static List<String> markers(String resource) {
    return WorkflowExecutionHistory.fromJson(resource(resource)).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED)
        .map(
            e ->
                e.getMarkerRecordedEventAttributes().getMarkerName()
                    + " "
                    + markerDetails(e)
                    + " "
                    + e.getMarkerRecordedEventAttributes().getFailure().toString())
        .toList();
  }

  private static List<String> activityTypes(List<HistoryEvent> events, EventType type) {
    return events.stream()
        .filter(e -> e.getEventType() == type)
        .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
        .toList();
  }

  private static List<EventType> eventTypes(String resource) {
    return WorkflowExecutionHistory.fromJson(resource(resource)).getEvents().stream()
        .map(HistoryEvent::getEventType)
        .toList();
  }

  /**
   * Replays on a worker whose deadlock detection is relaxed: on a loaded 2-core CI machine the
   * first replay (class loading, JIT) can hold the workflow thread past the default 1 s, which is
   * no sign of non-determinism.
   */
  private static void replay(String historyJson) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker =
          env.newWorker(
              "replay",
              WorkerOptions.newBuilder()
                  .setDefaultDeadlockDetectionTimeout(Duration.ofSeconds(30).toMillis())
                  .build());
      worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
      WorkflowReplayer.replayWorkflowExecution(
          WorkflowExecutionHistory.fromJson(historyJson), worker);
    }
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

  // Created, confirmed, paid, shipped, delivered and refunded in full.
  private static void walkToRefund(TestWorkflowEnvironment env, String orderId) {
    OrderWorkflowTest.create(env.getWorkflowClient(), orderId, validCreate());
    BigDecimal total = new BigDecimal("28.99");
    List<OrderCommand> commands =
        List.of(
            new OrderCommand.Confirm(),
            new OrderCommand.Pay("pay-1", total),
            new OrderCommand.Ship("DHL", "T-1"),
            new OrderCommand.Deliver(),
            new OrderCommand.Refund(total, "damaged"));
    for (OrderCommand command : commands) {
      execute(env, orderId, command);
    }
    awaitEnd(env, orderId);
  }

  // Created and confirmed, then left unpaid until the workflow cancels it.
  private static void confirmAndTimeOut(TestWorkflowEnvironment env, String orderId) {
    OrderWorkflowTest.create(env.getWorkflowClient(), orderId, validCreate());
    execute(env, orderId, new OrderCommand.Confirm());
    env.sleep(OrderSettings.defaults().paymentTimeout().plusSeconds(1));
    awaitEnd(env, orderId);
  }
}
