package io.orderflow.order.workflow;

import static io.orderflow.order.OrderFixtures.validCreate;
import static io.orderflow.order.workflow.OrderStreamAssertions.assertContiguousChain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.order.Order;
import io.orderflow.order.OrderCancelled;
import io.orderflow.order.OrderCommand;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.OrderFixtures;
import io.orderflow.order.OrderStatus;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The life of one order in its workflow, against the in-memory fakes with time skipping: each
 * command through the {@code execute} update, the payment timeout, the refund window, idempotent
 * retries and continue-as-new.
 */
class OrderLifecycleWorkflowTest extends OrderWorkflowInMemory {
  private static final String ORDER_ID = OrderFixtures.ORDER_ID;
  private static final String WORKFLOW_ID = OrderWorkflow.workflowId(ORDER_ID);
  private static final BigDecimal TOTAL = new BigDecimal("28.99");
  private static final OrderSettings SETTINGS =
      new OrderSettings(Duration.ofMinutes(30), Duration.ofDays(14), 2_000);

  private int requests;

  @Test
  void givenNewOrder_whenWalkedToRefunded_thenEachCommandAnswersItsNewStatusAndTheOneItLeft() {
    create(SETTINGS);

    List<CommandOutcome> outcomes = walkToRefunded();

    assertThat(outcomes)
        .extracting(o -> o.from(), o -> o.order().status(), o -> o.order().version())
        .containsExactly(
            tuple(OrderStatus.PENDING, OrderStatus.CONFIRMED, 2L),
            tuple(OrderStatus.CONFIRMED, OrderStatus.PAID, 3L),
            tuple(OrderStatus.PAID, OrderStatus.SHIPPED, 4L),
            tuple(OrderStatus.SHIPPED, OrderStatus.DELIVERED, 5L),
            tuple(OrderStatus.DELIVERED, OrderStatus.REFUNDED, 6L));
  }

  @Test
  void givenNewOrder_whenWalkedToRefunded_thenTheAnswersCarryPaymentShipmentAndRefund() {
    create(SETTINGS);

    Order refunded = walkToRefunded().get(4).order();

    assertThat(refunded.amountPaid()).isEqualByComparingTo(TOTAL);
    assertThat(refunded.paymentId()).isEqualTo("pay-1");
    assertThat(refunded.carrier()).isEqualTo("DHL");
    assertThat(refunded.trackingNumber()).isEqualTo("T-1");
    assertThat(refunded.amountRefunded()).isEqualByComparingTo(TOTAL);
  }

  @Test
  void givenNewOrder_whenWalkedToRefunded_thenTheStoreHoldsSixChainedCommits() {
    create(SETTINGS);

    walkToRefunded();

    assertContiguousChain(store.commits(ORDER_ID), 6);
  }

  @Test
  void givenNewOrder_whenWalkedToRefunded_thenTheProjectionSawEveryStateInOrder() {
    create(SETTINGS);

    walkToRefunded();

    assertThat(projection.projected())
        .extracting(Order::version, Order::status)
        .containsExactly(
            tuple(1L, OrderStatus.PENDING),
            tuple(2L, OrderStatus.CONFIRMED),
            tuple(3L, OrderStatus.PAID),
            tuple(4L, OrderStatus.SHIPPED),
            tuple(5L, OrderStatus.DELIVERED),
            tuple(6L, OrderStatus.REFUNDED));
  }

  @Test
  void givenConfirmedOrder_whenThePaymentTimeoutPasses_thenTheOrderIsCancelledForPaymentTimeout() {
    create(SETTINGS);
    execute(new OrderCommand.Confirm());

    testEnv.sleep(SETTINGS.paymentTimeout().plusSeconds(1));

    assertThat(lastEvent()).isEqualTo(new OrderCancelled(OrderCancelled.PAYMENT_TIMEOUT));
    assertThat(projection.projected())
        .last()
        .satisfies(
            o -> {
              assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED);
              assertThat(o.cancelReason()).isEqualTo("payment-timeout");
            });
    assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
  }

  @Test
  void givenConfirmedOrder_whenThePaymentTimeoutHasNotPassed_thenTheOrderIsStillConfirmed() {
    create(SETTINGS);
    execute(new OrderCommand.Confirm());

    testEnv.sleep(SETTINGS.paymentTimeout().minusMinutes(1));

    assertThat(current().status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(store.commits(ORDER_ID)).hasSize(2);
  }

  @Test
  void givenConfirmedOrder_whenPaidJustBeforeTheTimeout_thenThePaymentWinsAndNothingIsCancelled() {
    create(SETTINGS);
    execute(new OrderCommand.Confirm());
    testEnv.sleep(SETTINGS.paymentTimeout().minusSeconds(10));

    CommandOutcome paid = execute(new OrderCommand.Pay("pay-1", TOTAL));
    testEnv.sleep(SETTINGS.paymentTimeout());

    assertThat(paid.order().status()).isEqualTo(OrderStatus.PAID);
    assertThat(current().status()).isEqualTo(OrderStatus.PAID);
    assertThat(events()).noneMatch(e -> e instanceof OrderCancelled);
  }

  @Test
  void givenConfirmedOrder_whenCancelledByTheTimeout_thenTheCommitNamesTheSystemAsItsActor() {
    create(SETTINGS);
    execute(new OrderCommand.Confirm());

    testEnv.sleep(SETTINGS.paymentTimeout().plusSeconds(1));

    CommitMetadata metadata = store.commits(ORDER_ID).get(2).commit().metadata();
    assertThat(metadata.actor()).isEqualTo("system");
    assertThat(metadata.causationId()).isEqualTo(OrderCancelled.PAYMENT_TIMEOUT);
  }

  @Test
  void givenDeliveredOrder_whenTheRefundWindowCloses_thenTheWorkflowCompletes() {
    walkToDelivered();

    testEnv.sleep(SETTINGS.refundWindow().plusMinutes(1));

    assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    assertThat(store.commits(ORDER_ID)).hasSize(5);
  }

  @Test
  void givenDeliveredOrder_whenTheRefundWindowIsStillOpen_thenTheWorkflowWaitsForARefund() {
    walkToDelivered();

    testEnv.sleep(SETTINGS.refundWindow().minusHours(1));

    assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    assertThat(execute(new OrderCommand.Refund(TOTAL, "late return")).order().status())
        .isEqualTo(OrderStatus.REFUNDED);
  }

  @Test
  void givenPendingOrder_whenCancelled_thenTheWorkflowCompletesAtOnce() {
    create(SETTINGS);

    execute(new OrderCommand.Cancel("changed my mind"));

    assertThat(statusOnceClosedWithoutSkippingTime())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
  }

  @Test
  void givenPaidOrder_whenRefunded_thenTheWorkflowCompletesAtOnce() {
    create(SETTINGS);
    execute(new OrderCommand.Confirm());
    execute(new OrderCommand.Pay("pay-1", TOTAL));

    execute(new OrderCommand.Refund(TOTAL, "out of stock"));

    assertThat(statusOnceClosedWithoutSkippingTime())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
  }

  @Test
  void givenTheSameRequestIdTwice_whenExecute_thenAppendedOnceAndBothCallsGetTheSameAnswer() {
    create(SETTINGS);

    CommandOutcome first = execute(new OrderCommand.Confirm(), "req-confirm");
    CommandOutcome second = execute(new OrderCommand.Confirm(), "req-confirm");

    assertThat(second).isEqualTo(first);
    assertThat(store.commits(ORDER_ID)).hasSize(2);
    assertThat(projection.projected()).hasSize(2);
  }

  @Test
  void
      givenACommandAlreadyApplied_whenItsRetryArrivesAfterTheOrderMovedOn_thenItGetsItsOwnAnswer() {
    create(SETTINGS);
    CommandOutcome confirmed = execute(new OrderCommand.Confirm(), "req-confirm");
    execute(new OrderCommand.Pay("pay-1", TOTAL));

    CommandOutcome retried = execute(new OrderCommand.Confirm(), "req-confirm");

    assertThat(retried).isEqualTo(confirmed);
    assertThat(retried.order().status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(store.commits(ORDER_ID)).hasSize(3);
  }

  @Test
  void givenSmallHistoryLimit_whenWalkedWithRetries_thenTheWorkflowContinuesAsNew() {
    String firstRun = create(new OrderSettings(Duration.ofMinutes(30), Duration.ofDays(14), 40));

    walkToRefundedWithRetries(3);

    assertThat(runIds(firstRun)).as("runs of %s", WORKFLOW_ID).hasSizeGreaterThan(1);
  }

  @Test
  void givenSmallHistoryLimit_whenWalkedWithRetries_thenVersionStatusAndHashChainCarryOver() {
    create(new OrderSettings(Duration.ofMinutes(30), Duration.ofDays(14), 40));

    List<CommandOutcome> outcomes = walkToRefundedWithRetries(3);

    // The fake store refuses a commit whose expected version or prevHash is off, so a state that
    // did not carry over whole would have failed a command on the way.
    assertThat(outcomes).last().extracting(o -> o.order().version()).isEqualTo(6L);
    assertThat(outcomes.get(outcomes.size() - 1).order().status()).isEqualTo(OrderStatus.REFUNDED);
    assertContiguousChain(store.commits(ORDER_ID), 6);
  }

  @Test
  void givenSmallHistoryLimit_whenRetriesArriveAcrossContinueAsNew_thenEachGetsItsFirstAnswer() {
    String firstRun = create(new OrderSettings(Duration.ofMinutes(30), Duration.ofDays(14), 40));
    CommandOutcome confirmed = execute(new OrderCommand.Confirm(), "req-confirm");

    List<CommandOutcome> retries = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      retries.add(execute(new OrderCommand.Confirm(), "req-confirm"));
    }

    assertThat(runIds(firstRun)).hasSizeGreaterThan(1);
    assertThat(retries).containsOnly(confirmed);
    assertThat(store.commits(ORDER_ID)).hasSize(2);
  }

  @Test
  void givenSmallHistoryLimit_whenCommandsRaceAContinueAsNew_thenNoCommandIsLost()
      throws Exception {
    String firstRun = create(new OrderSettings(Duration.ofMinutes(30), Duration.ofDays(14), 40));
    CommandOutcome confirmed = execute(new OrderCommand.Confirm(), "req-confirm");

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<CommandOutcome>> retries = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        retries.add(pool.submit(() -> execute(new OrderCommand.Confirm(), "req-confirm")));
      }
      Future<CommandOutcome> pay =
          pool.submit(() -> execute(new OrderCommand.Pay("pay-1", TOTAL), "req-pay"));
      for (int i = 0; i < 16; i++) {
        retries.add(pool.submit(() -> execute(new OrderCommand.Confirm(), "req-confirm")));
      }

      assertThat(pay.get(60, TimeUnit.SECONDS).order().status()).isEqualTo(OrderStatus.PAID);
      for (Future<CommandOutcome> retry : retries) {
        assertThat(retry.get(60, TimeUnit.SECONDS)).isEqualTo(confirmed);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(runIds(firstRun)).hasSizeGreaterThan(1);
    assertThat(events()).hasSize(3);
    assertThat(current().status()).isEqualTo(OrderStatus.PAID);
    assertThat(current().version()).isEqualTo(3);
  }

  @Test
  void givenSmallHistoryLimit_whenWalkedWithRetries_thenTheProjectionSawEveryStateOnceInOrder() {
    create(new OrderSettings(Duration.ofMinutes(30), Duration.ofDays(14), 40));

    walkToRefundedWithRetries(3);

    assertThat(projection.projected())
        .extracting(Order::version)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  // --- the walk --------------------------------------------------------------------------------

  private static final List<OrderCommand> LIFECYCLE =
      List.of(
          new OrderCommand.Confirm(),
          new OrderCommand.Pay("pay-1", TOTAL),
          new OrderCommand.Ship("DHL", "T-1"),
          new OrderCommand.Deliver(),
          new OrderCommand.Refund(TOTAL, "damaged"));

  private List<CommandOutcome> walkToRefunded() {
    List<CommandOutcome> outcomes = new ArrayList<>();
    for (OrderCommand command : LIFECYCLE) {
      outcomes.add(execute(command));
    }
    return outcomes;
  }

  private void walkToDelivered() {
    create(SETTINGS);
    for (OrderCommand command : LIFECYCLE.subList(0, 4)) {
      execute(command);
    }
    assertThat(current().status()).isEqualTo(OrderStatus.DELIVERED);
  }

  /** Each command, then {@code retries} repeats of it with the same request id. */
  private List<CommandOutcome> walkToRefundedWithRetries(int retries) {
    List<CommandOutcome> outcomes = new ArrayList<>();
    for (OrderCommand command : LIFECYCLE) {
      String requestId = "req-" + command.name();
      CommandOutcome outcome = execute(command, requestId);
      // The final command ends the workflow, so it has nobody left to retry against.
      int repeats = command instanceof OrderCommand.Refund ? 0 : retries;
      for (int i = 0; i < repeats; i++) {
        assertThat(execute(command, requestId)).isEqualTo(outcome);
      }
      outcomes.add(outcome);
    }
    return outcomes;
  }

  // --- the client side, as the API does it -----------------------------------------------------

  /** Update-with-start, as the API creates orders; answers the id of the first run. */
  private String create(OrderSettings settings) {
    OrderWorkflow workflow =
        client.newWorkflowStub(
            OrderWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(WORKFLOW_ID)
                .setTaskQueue(OrderWorkflow.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
    WithStartWorkflowOperation<Void> start =
        new WithStartWorkflowOperation<>(
            workflow::run, OrderWorkflowInput.newOrder(ORDER_ID, settings));
    Order created =
        WorkflowClient.executeUpdateWithStart(
            workflow::create,
            validCreate(),
            metadata("req-create"),
            UpdateOptions.<Order>newBuilder()
                .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                .build(),
            start);
    assertThat(created.status()).isEqualTo(OrderStatus.PENDING);
    return client.newUntypedWorkflowStub(WORKFLOW_ID).describe().getExecution().getRunId();
  }

  private CommandOutcome execute(OrderCommand command) {
    synchronized (this) {
      requests++;
    }
    return execute(command, "req-" + requests);
  }

  private CommandOutcome execute(OrderCommand command, String requestId) {
    return client
        .newWorkflowStub(OrderWorkflow.class, WORKFLOW_ID)
        .execute(command, metadata(requestId));
  }

  private static CommitMetadata metadata(String requestId) {
    return new CommitMetadata("corr-1", requestId, "alice", WORKFLOW_ID);
  }

  private Order current() {
    return client.newWorkflowStub(OrderWorkflow.class, WORKFLOW_ID).current();
  }

  private WorkflowExecutionStatus status() {
    return client.newUntypedWorkflowStub(WORKFLOW_ID).describe().getStatus();
  }

  /**
   * The status once the run has closed, polling in real time while time skipping stays locked: a
   * run that closes here did not wait for any timer.
   */
  private WorkflowExecutionStatus statusOnceClosedWithoutSkippingTime() {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    WorkflowExecutionStatus status = status();
    while (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
        && System.nanoTime() < deadline) {
      sleepBriefly();
      status = status();
    }
    return status;
  }

  /** Every run of the workflow, first to last, by following the continue-as-new links. */
  private List<String> runIds(String firstRun) {
    List<String> runs = new ArrayList<>();
    String run = firstRun;
    while (run != null) {
      runs.add(run);
      List<HistoryEvent> history = client.fetchHistory(WORKFLOW_ID, run).getEvents();
      HistoryEvent last = history.get(history.size() - 1);
      run =
          last.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW
              ? last.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId()
              : null;
    }
    return runs;
  }

  // --- the store --------------------------------------------------------------------------------

  private List<OrderEvent> events() {
    return store.commits(ORDER_ID).stream()
        .flatMap(c -> c.commit().events().stream())
        .map(NewEvent::event)
        .toList();
  }

  private OrderEvent lastEvent() {
    List<OrderEvent> events = events();
    return events.get(events.size() - 1);
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
