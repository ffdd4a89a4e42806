package io.orderflow.order.workflow;

import static io.orderflow.order.OrderFixtures.validCreate;
import static io.orderflow.order.workflow.OrderStreamAssertions.applicationFailureIn;
import static io.orderflow.order.workflow.OrderStreamAssertions.assertContiguousChain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.order.Order;
import io.orderflow.order.OrderCancelled;
import io.orderflow.order.OrderCommand;
import io.orderflow.order.OrderFixtures;
import io.orderflow.order.OrderRejected;
import io.orderflow.order.OrderStatus;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A full restore switches the store to copies of the tables while order workflows keep their state
 * in memory. The workflow's next commit must neither leave a gap nor fork the hash chain: when the
 * restored stream does not end where its memory does, it reloads the order and decides again.
 */
class OrderWorkflowAfterRestoreTest {
  private static final String ORDER_ID = OrderFixtures.ORDER_ID;
  private static final String WORKFLOW_ID = OrderWorkflow.workflowId(ORDER_ID);
  private static final BigDecimal TOTAL = new BigDecimal("28.99");

  private TestWorkflowEnvironment testEnv;
  private WorkflowClient client;
  private InMemoryEventStore store;
  private int requests;

  @BeforeEach
  void startWorker() {
    testEnv = TestWorkflowEnvironment.newInstance();
    store = new InMemoryEventStore();
    Worker worker = testEnv.newWorker(OrderWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        store, new RecordingPublication(store), new RecordingProjection());
    testEnv.start();
    client = testEnv.getWorkflowClient();
  }

  @AfterEach
  void stopWorker() {
    testEnv.close();
  }

  @Test
  void givenPaidInMemoryButRestoredToConfirmed_whenShip_thenRefusedAsIllegalFromConfirmed() {
    walkToPaid();
    store.restore(ORDER_ID, 2);

    WorkflowUpdateException e =
        catchThrowableOfType(
            WorkflowUpdateException.class, () -> execute(new OrderCommand.Ship("DHL", "T-1")));

    assertThat(applicationFailureIn(e).getType()).isEqualTo(OrderRejected.ILLEGAL_TRANSITION);
    assertThat(applicationFailureIn(e).getOriginalMessage()).contains("CONFIRMED");
    assertContiguousChain(store.commits(ORDER_ID), 2);
  }

  @Test
  void givenPaidInMemoryButRestoredToConfirmed_whenShipIsRefused_thenTheWorkflowHoldsTheRestored() {
    walkToPaid();
    store.restore(ORDER_ID, 2);

    catchThrowableOfType(
        WorkflowUpdateException.class, () -> execute(new OrderCommand.Ship("DHL", "T-1")));

    assertThat(current().status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(current().version()).isEqualTo(2);
    assertThat(store.loads()).isEqualTo(1);
  }

  @Test
  void givenRestoredToConfirmed_whenPaidAgainAfterTheReload_thenItLandsRightAfterTheRestoredHead() {
    walkToPaid();
    store.restore(ORDER_ID, 2);
    catchThrowableOfType(
        WorkflowUpdateException.class, () -> execute(new OrderCommand.Ship("DHL", "T-1")));

    CommandOutcome paid = execute(new OrderCommand.Pay("pay-2", TOTAL));

    assertThat(paid.from()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(paid.order().version()).isEqualTo(3);
    assertContiguousChain(store.commits(ORDER_ID), 3);
    assertThat(store.commits(ORDER_ID).get(2).commit().tablesRevision())
        .as("the reload confirmed the workflow's view against the restored tables")
        .isEqualTo(store.revision());
  }

  @Test
  void givenDeliveredInMemoryButRestoredToPaid_whenRefund_thenReloadsAndRefundsThePaidOrder() {
    walkToPaid();
    execute(new OrderCommand.Ship("DHL", "T-1"));
    execute(new OrderCommand.Deliver());
    store.restore(ORDER_ID, 3);

    CommandOutcome refunded = execute(new OrderCommand.Refund(TOTAL, "damaged"));

    assertThat(refunded.from())
        .as("the status the restored order left")
        .isEqualTo(OrderStatus.PAID);
    assertThat(refunded.order().status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(refunded.order().version()).isEqualTo(4);
    assertContiguousChain(store.commits(ORDER_ID), 4);
  }

  @Test
  void givenRestoredStreamEqualToMemory_whenNextCommand_thenItLandsAfterOneHeadCheck() {
    walkToPaid();
    store.restore(ORDER_ID, 3);

    CommandOutcome shipped = execute(new OrderCommand.Ship("DHL", "T-1"));

    assertThat(shipped.order().version()).isEqualTo(4);
    assertThat(store.headChecks()).isEqualTo(1);
    assertThat(store.loads()).as("nothing to reload").isZero();
    assertContiguousChain(store.commits(ORDER_ID), 4);
  }

  @Test
  void givenRestoredStreamEqualToMemory_whenTwoCommands_thenTheSecondCarriesTheNewRevision() {
    walkToPaid();
    store.restore(ORDER_ID, 3);
    execute(new OrderCommand.Ship("DHL", "T-1"));

    execute(new OrderCommand.Deliver());

    assertThat(store.commits(ORDER_ID).get(4).commit().tablesRevision())
        .isEqualTo(store.revision());
    assertThat(store.headChecks()).as("only the first command after the switch").isEqualTo(1);
  }

  @Test
  void givenTablesNeverSwitched_whenWalked_thenNoAppendReadsTheHead() {
    walkToPaid();

    execute(new OrderCommand.Ship("DHL", "T-1"));

    assertThat(store.headChecks()).isZero();
    assertThat(store.commits(ORDER_ID))
        .extracting(c -> c.commit().tablesRevision())
        .containsExactly(null, 0L, 0L, 0L);
  }

  @Test
  void givenRestoredStreamThatWentOnDifferently_whenShip_thenReloadsTheCancelledOrderAndEnds() {
    walkToPaid();
    store.restoreDiverging(ORDER_ID, 2, new OrderCancelled("restored branch"));

    WorkflowUpdateException e =
        catchThrowableOfType(
            WorkflowUpdateException.class, () -> execute(new OrderCommand.Ship("DHL", "T-1")));

    assertThat(applicationFailureIn(e).getType()).isEqualTo(OrderRejected.ILLEGAL_TRANSITION);
    assertContiguousChain(store.commits(ORDER_ID), 3);
    assertThat(awaitStatusChange())
        .as("a cancelled order's workflow ends")
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
  }

  @Test
  void givenTablesRestoredTwiceWithinOneCommand_whenRefund_thenAnsweredAsAConcurrentChange() {
    walkToPaid();
    execute(new OrderCommand.Ship("DHL", "T-1"));
    execute(new OrderCommand.Deliver());
    store.restore(ORDER_ID, 3);
    store.restoreAgainAfterNextLoad(ORDER_ID, 1);

    WorkflowUpdateException e =
        catchThrowableOfType(
            WorkflowUpdateException.class,
            () -> execute(new OrderCommand.Refund(TOTAL, "damaged")));

    assertThat(applicationFailureIn(e).getType())
        .isEqualTo(EventStoreActivities.CONCURRENCY_CONFLICT);
    assertThat(current().status())
        .as("the newest restore, reloaded")
        .isEqualTo(OrderStatus.PENDING);
    assertContiguousChain(store.commits(ORDER_ID), 1);
  }

  @Test
  void
      givenConfirmedInMemoryButRestoredToPending_whenThePaymentTimeoutFires_thenNothingIsCancelled() {
    create();
    execute(new OrderCommand.Confirm());
    store.restore(ORDER_ID, 1);

    testEnv.sleep(OrderSettings.defaults().paymentTimeout().plus(Duration.ofMinutes(1)));

    assertContiguousChain(store.commits(ORDER_ID), 1);
    assertThat(current().status()).isEqualTo(OrderStatus.PENDING);
    assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }

  @Test
  void
      givenRestoredToConfirmedWhilePaid_whenThePaymentTimeoutOfTheRestoredOrderPasses_thenCancelled() {
    walkToPaid();
    store.restore(ORDER_ID, 2);
    catchThrowableOfType(
        WorkflowUpdateException.class, () -> execute(new OrderCommand.Ship("DHL", "T-1")));

    testEnv.sleep(OrderSettings.defaults().paymentTimeout().plus(Duration.ofMinutes(1)));

    assertContiguousChain(store.commits(ORDER_ID), 3);
    assertThat(store.commits(ORDER_ID).get(2).commit().events().get(0).event())
        .isEqualTo(new OrderCancelled(OrderCancelled.PAYMENT_TIMEOUT));
  }

  @Test
  void givenShippedInMemoryButRestoredToPaid_whenRefreshed_thenShipIsJudgedOnTheRestoredOrder() {
    walkToPaid();
    execute(new OrderCommand.Ship("DHL", "T-1"));
    store.restore(ORDER_ID, 3);
    WorkflowUpdateException before =
        catchThrowableOfType(
            WorkflowUpdateException.class, () -> execute(new OrderCommand.Ship("DHL", "T-2")));
    assertThat(applicationFailureIn(before).getOriginalMessage())
        .as("without a refresh the validator judges on the workflow's memory")
        .contains("SHIPPED");

    Order refreshed = refresh();
    CommandOutcome shipped = execute(new OrderCommand.Ship("DHL", "T-2"));

    assertThat(refreshed.status()).isEqualTo(OrderStatus.PAID);
    assertThat(refreshed.version()).isEqualTo(3);
    assertThat(shipped.from()).isEqualTo(OrderStatus.PAID);
    assertThat(shipped.order().version()).isEqualTo(4);
    assertContiguousChain(store.commits(ORDER_ID), 4);
  }

  @Test
  void givenTablesNeverSwitched_whenRefreshed_thenTheOrderIsUnchangedAndNothingIsWritten() {
    walkToPaid();
    Order before = current();

    Order refreshed = refresh();

    assertThat(refreshed).isEqualTo(before);
    assertThat(store.commits(ORDER_ID)).hasSize(3);
    assertThat(store.loads()).as("one read, of the serving tables").isEqualTo(1);
  }

  @Test
  void givenRestoredStreamEqualToMemory_whenRefreshed_thenTheNextCommandNeedsNoHeadCheck() {
    walkToPaid();
    store.restore(ORDER_ID, 3);

    refresh();
    CommandOutcome shipped = execute(new OrderCommand.Ship("DHL", "T-1"));

    assertThat(shipped.order().version()).isEqualTo(4);
    assertThat(store.headChecks())
        .as("the refresh confirmed the memory against the restored tables")
        .isZero();
    assertThat(store.commits(ORDER_ID).get(3).commit().tablesRevision())
        .isEqualTo(store.revision());
  }

  @Test
  void givenRestoredToConfirmedWhilePaid_whenRefreshed_thenThePaymentTimeoutRunsAgain() {
    walkToPaid();
    store.restore(ORDER_ID, 2);

    refresh();
    testEnv.sleep(OrderSettings.defaults().paymentTimeout().plus(Duration.ofMinutes(1)));

    assertContiguousChain(store.commits(ORDER_ID), 3);
    assertThat(store.commits(ORDER_ID).get(2).commit().events().get(0).event())
        .isEqualTo(new OrderCancelled(OrderCancelled.PAYMENT_TIMEOUT));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private void walkToPaid() {
    create();
    execute(new OrderCommand.Confirm());
    execute(new OrderCommand.Pay("pay-1", TOTAL));
  }

  private void create() {
    OrderWorkflowTest.create(client, ORDER_ID, validCreate());
  }

  private CommandOutcome execute(OrderCommand command) {
    requests++;
    return client
        .newWorkflowStub(OrderWorkflow.class, WORKFLOW_ID)
        .execute(command, new CommitMetadata("corr-1", "req-" + requests, "alice", WORKFLOW_ID));
  }

  private Order refresh() {
    return client.newWorkflowStub(OrderWorkflow.class, WORKFLOW_ID).refresh();
  }

  private Order current() {
    return client.newWorkflowStub(OrderWorkflow.class, WORKFLOW_ID).current();
  }

  private WorkflowExecutionStatus status() {
    return client.newUntypedWorkflowStub(WORKFLOW_ID).describe().getStatus();
  }

  private WorkflowExecutionStatus awaitStatusChange() {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    WorkflowExecutionStatus status = status();
    while (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
        && System.nanoTime() < deadline) {
      testEnv.sleep(Duration.ofSeconds(1));
      status = status();
    }
    return status;
  }
}
