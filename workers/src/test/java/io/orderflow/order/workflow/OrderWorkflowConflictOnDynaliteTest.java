package io.orderflow.order.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.order.OrderCommand;
import io.orderflow.order.OrderConfirmed;
import io.orderflow.order.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Another writer appends a commit straight through the event store under a running order workflow
 * (as the replay runbook's correction or a single-order recovery does). The workflow's next command
 * loses the race for its version on the real conditional put, reloads the order from the store and
 * lands on top: the stream stays contiguous and its hash chain verifies. The workflow runs on the
 * Temporal test environment with the real append activity on the test dynalite
 * (-Dorderflow.it.dynamodb), wired as the workers wire it.
 */
class OrderWorkflowConflictOnDynaliteTest extends OrderWorkflowOnDynalite {
  OrderWorkflowConflictOnDynaliteTest() {
    super("c");
  }

  @Test
  void givenACommitAppendedUnderTheWorkflow_whenCancel_thenItLandsOnTopAndTheChainVerifies() {
    assertThat(create().version()).isEqualTo(1);
    appendAsAnotherWriter(new OrderConfirmed());

    CommandOutcome cancelled = execute(new OrderCommand.Cancel("changed my mind"));

    assertThat(cancelled.from()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(cancelled.order().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.order().version()).isEqualTo(3);
    assertThat(store.readEvents(orderId))
        .extracting(StoredEvent::version, StoredEvent::type)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(1L, "order-created"),
            org.assertj.core.api.Assertions.tuple(2L, "order-confirmed"),
            org.assertj.core.api.Assertions.tuple(3L, "order-cancelled"));
    assertThat(store.verify(orderId)).as("contiguous versions, intact hash chain").isEmpty();
  }

  @Test
  void givenACommitAppendedUnderTheWorkflow_whenCancel_thenTheWorkflowTriedOnceAtTheStaleVersion() {
    assertThat(create().version()).isEqualTo(1);
    appendAsAnotherWriter(new OrderConfirmed());

    execute(new OrderCommand.Cancel("changed my mind"));

    assertThat(appends.commits())
        .extracting(NewCommit::expectedVersion)
        .as("the creation, the cancel on the stale order, the cancel on the reloaded one")
        .containsExactly(0L, 1L, 2L);
  }

  private void appendAsAnotherWriter(io.orderflow.order.OrderEvent event) {
    StoredCommit head = store.head(orderId).orElseThrow();
    AppendResult landed =
        store.append(
            new NewCommit(
                orderId,
                head.lastVersion(),
                UUID.randomUUID().toString(),
                head.hash(),
                List.of(new NewEvent(UUID.randomUUID().toString(), Instant.now(), event)),
                new CommitMetadata("recovery-1", "recovery-1", "recovery", "recover-order-x")));
    assertThat(landed.firstVersion()).isEqualTo(head.lastVersion() + 1);
  }

  private CommandOutcome execute(OrderCommand command) {
    return client
        .newWorkflowStub(OrderWorkflow.class, OrderWorkflow.workflowId(orderId))
        .execute(command, metadata("req-" + command.name()));
  }
}
