package io.orderflow.api.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.order.FieldViolation;
import io.orderflow.order.OrderRejected;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How a refused update becomes the rejection the problem handler maps to a status. */
class OrderCommandsRejectionTest {
  private static final WorkflowExecution EXECUTION =
      WorkflowExecution.newBuilder().setWorkflowId("order-1").build();

  @Test
  @DisplayName("a typed refusal keeps its reason and the violations it carries")
  void typedRefusal() {
    var failure =
        ApplicationFailure.newNonRetryableFailure(
            "[InvalidOrder] the order is invalid",
            OrderRejected.INVALID_ORDER,
            List.of(new FieldViolation("items[0].quantity", "must be positive")));

    RuntimeException mapped = OrderCommands.rejection(updateFailure(failure));

    assertThat(mapped)
        .isInstanceOfSatisfying(
            OrderRejected.class,
            r -> {
              assertThat(r.reason()).isEqualTo(OrderRejected.INVALID_ORDER);
              assertThat(r.getMessage()).isEqualTo("the order is invalid");
              assertThat(r.violations())
                  .containsExactly(new FieldViolation("items[0].quantity", "must be positive"));
            });
  }

  @Test
  @DisplayName("a validator refusal whose type the SDK lost is read from its message prefix")
  void typeLostBySdk() {
    var failure =
        ApplicationFailure.newFailure(
            "[OrderAlreadyExists] order 1 already exists",
            "io.temporal.internal.worker.WorkflowExecutionException");

    RuntimeException mapped = OrderCommands.rejection(updateFailure(failure));

    assertThat(mapped)
        .isInstanceOfSatisfying(
            OrderRejected.class,
            r -> {
              assertThat(r.reason()).isEqualTo(OrderRejected.ORDER_EXISTS);
              assertThat(r.getMessage()).isEqualTo("order 1 already exists");
            });
  }

  @Test
  @DisplayName("a store conflict deeper in the cause chain is found")
  void nestedConflict() {
    var conflict =
        ApplicationFailure.newNonRetryableFailure(
            "order 1 expected at version 1 but is at 2", EventStoreActivities.CONCURRENCY_CONFLICT);
    var outer =
        ApplicationFailure.newNonRetryableFailureWithCause(
            "[ConcurrencyConflict] order 1 expected at version 1 but is at 2",
            EventStoreActivities.CONCURRENCY_CONFLICT,
            conflict);

    RuntimeException mapped = OrderCommands.rejection(updateFailure(outer));

    assertThat(mapped)
        .isInstanceOfSatisfying(
            OrderRejected.class,
            r -> assertThat(r.reason()).isEqualTo(EventStoreActivities.CONCURRENCY_CONFLICT));
  }

  @Test
  @DisplayName(
      "a command refused because the order's stream was restored under it is a rejection the"
          + " caller can retry, not an unknown failure")
  void streamRestored() {
    var restored =
        ApplicationFailure.newNonRetryableFailure(
            "order 1 was restored from a backup; its workflow must reload it",
            EventStoreActivities.STREAM_RESTORED);

    RuntimeException mapped = OrderCommands.rejection(updateFailure(restored));

    assertThat(mapped)
        .isInstanceOfSatisfying(
            OrderRejected.class,
            r -> assertThat(r.reason()).isEqualTo(EventStoreActivities.STREAM_RESTORED));
  }

  @Test
  @DisplayName("a failure that is no refusal is passed on untouched")
  void notARefusal() {
    WorkflowUpdateException e =
        updateFailure(ApplicationFailure.newFailure("boom", "NullPointerException"));

    assertThat(OrderCommands.rejection(e)).isSameAs(e);
  }

  private static WorkflowUpdateException updateFailure(Throwable cause) {
    return new WorkflowUpdateException(EXECUTION, "update-1", "create", cause);
  }
}
