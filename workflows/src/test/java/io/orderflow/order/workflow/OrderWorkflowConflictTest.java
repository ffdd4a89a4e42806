package io.orderflow.order.workflow;

import static io.orderflow.order.OrderFixtures.validCreate;
import static io.orderflow.order.workflow.OrderStreamAssertions.applicationFailureIn;
import static io.orderflow.order.workflow.OrderStreamAssertions.assertContiguousChain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.order.OrderCancelled;
import io.orderflow.order.OrderCommand;
import io.orderflow.order.OrderConfirmed;
import io.orderflow.order.OrderFixtures;
import io.orderflow.order.OrderPaid;
import io.orderflow.order.OrderStatus;
import io.temporal.client.WorkflowUpdateException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Another writer appends to an order's stream while its workflow holds the order in memory (the
 * replay runbook's correction, a single-order recovery). The workflow's next append loses the race
 * for its version; it reloads the order and decides once more, so the command lands on top of the
 * other writer's commit, or is refused on the order as it now is.
 */
class OrderWorkflowConflictTest extends OrderWorkflowInMemory {
  private static final String ORDER_ID = OrderFixtures.ORDER_ID;
  private static final String WORKFLOW_ID = OrderWorkflow.workflowId(ORDER_ID);

  private int requests;

  @Test
  void givenAnotherWriterConfirmedThePendingOrder_whenCancel_thenItLandsOnTopOfThatCommit() {
    OrderWorkflowTest.create(client, ORDER_ID, validCreate());
    store.appendFromAnotherWriter(ORDER_ID, new OrderConfirmed());

    CommandOutcome cancelled = execute(new OrderCommand.Cancel("changed my mind"));

    assertThat(cancelled.from())
        .as("decided again on the reloaded order")
        .isEqualTo(OrderStatus.CONFIRMED);
    assertThat(cancelled.order().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.order().version()).isEqualTo(3);
    assertThat(store.loads()).isEqualTo(1);
    assertContiguousChain(store.commits(ORDER_ID), 3);
    assertThat(store.commits(ORDER_ID).get(2).commit().events())
        .singleElement()
        .satisfies(e -> assertThat(e.event()).isEqualTo(new OrderCancelled("changed my mind")));
  }

  @Test
  void givenAnotherWriterConfirmedThePendingOrder_whenCancel_thenTheProjectionSeesTheNewHead() {
    OrderWorkflowTest.create(client, ORDER_ID, validCreate());
    store.appendFromAnotherWriter(ORDER_ID, new OrderConfirmed());

    execute(new OrderCommand.Cancel("changed my mind"));

    assertThat(projection.projected()).last().satisfies(o -> assertThat(o.version()).isEqualTo(3));
  }

  @Test
  void givenAnotherWriterAppendsAgainAfterTheReload_whenCancel_thenRefusedAsConcurrencyConflict() {
    OrderWorkflowTest.create(client, ORDER_ID, validCreate());
    store.appendFromAnotherWriter(ORDER_ID, new OrderConfirmed());
    store.appendFromAnotherWriterAfterNextLoad(
        ORDER_ID, new OrderPaid("pay-x", new BigDecimal("28.99")));

    WorkflowUpdateException e =
        catchThrowableOfType(
            WorkflowUpdateException.class,
            () -> execute(new OrderCommand.Cancel("changed my mind")));

    assertThat(applicationFailureIn(e).getType())
        .isEqualTo(EventStoreActivities.CONCURRENCY_CONFLICT);
    assertThat(store.appendAttempts() - 1)
        .as("appends of the cancel: decided again once")
        .isEqualTo(2);
    assertContiguousChain(store.commits(ORDER_ID), 3);
  }

  @Test
  void givenTheSecondConflictWasRefused_whenTheCommandIsSentAgain_thenItIsJudgedOnTheNewestOrder() {
    OrderWorkflowTest.create(client, ORDER_ID, validCreate());
    store.appendFromAnotherWriter(ORDER_ID, new OrderConfirmed());
    store.appendFromAnotherWriterAfterNextLoad(
        ORDER_ID, new OrderPaid("pay-x", new BigDecimal("28.99")));
    catchThrowableOfType(
        WorkflowUpdateException.class, () -> execute(new OrderCommand.Cancel("changed my mind")));

    CommandOutcome shipped = execute(new OrderCommand.Ship("DHL", "T-1"));

    assertThat(shipped.from()).isEqualTo(OrderStatus.PAID);
    assertThat(shipped.order().version()).isEqualTo(4);
    assertContiguousChain(store.commits(ORDER_ID), 4);
  }

  private CommandOutcome execute(OrderCommand command) {
    requests++;
    return client
        .newWorkflowStub(OrderWorkflow.class, WORKFLOW_ID)
        .execute(command, new CommitMetadata("corr-1", "req-" + requests, "alice", WORKFLOW_ID));
  }
}
