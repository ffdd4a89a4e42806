package io.orderflow.api.order;

import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.order.CreateOrder;
import io.orderflow.order.FieldViolation;
import io.orderflow.order.Order;
import io.orderflow.order.OrderRejected;
import io.orderflow.order.workflow.OrderWorkflow;
import io.orderflow.order.workflow.OrderWorkflowInput;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Sends commands to order workflows and waits for their answer. */
@Component
class OrderCommands {
  private static final Pattern REASON_PREFIX = Pattern.compile("\\[(\\w+)\\] (.*)", Pattern.DOTALL);
  private static final Set<String> KNOWN_REASONS =
      Set.of(
          OrderRejected.INVALID_ORDER,
          OrderRejected.ORDER_EXISTS,
          EventStoreActivities.CONCURRENCY_CONFLICT,
          EventStoreActivities.INVALID_COMMIT);

  private final WorkflowClient client;

  OrderCommands(WorkflowClient client) {
    this.client = client;
  }

  /**
   * Starts the order's workflow and creates the order in it, in one round trip (update-with-start),
   * answering with the persisted state.
   *
   * @throws OrderRejected when the workflow refuses the command
   */
  Order create(CreateOrder command, CommitMetadata metadata) {
    OrderWorkflow workflow =
        client.newWorkflowStub(
            OrderWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(OrderWorkflow.workflowId(command.orderId()))
                .setTaskQueue(OrderWorkflow.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
    try {
      return WorkflowClient.executeUpdateWithStart(
          workflow::create,
          command,
          metadata,
          UpdateOptions.<Order>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
          new WithStartWorkflowOperation<>(
              workflow::run, OrderWorkflowInput.newOrder(command.orderId())));
    } catch (WorkflowUpdateException e) {
      throw rejection(e);
    }
  }

  /**
   * The refusal inside an update failure, wherever it sits in the cause chain. Its reason is the
   * failure type, or, where Temporal 1.38.0 lost the type of a validator's failure
   * (temporalio/sdk-java#2875), the {@code [reason]} prefix the workflow puts on every message.
   */
  static RuntimeException rejection(WorkflowUpdateException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure failure) {
        Matcher prefixed = REASON_PREFIX.matcher(failure.getOriginalMessage());
        String reason = failure.getType();
        String message = failure.getOriginalMessage();
        if (prefixed.matches()) {
          message = prefixed.group(2);
          if (!KNOWN_REASONS.contains(reason)) {
            reason = prefixed.group(1);
          }
        }
        if (KNOWN_REASONS.contains(reason)) {
          List<FieldViolation> violations =
              failure.getDetails().getSize() > 0 ? decodeViolations(failure) : List.of();
          return new OrderRejected(reason, message, violations);
        }
      }
    }
    return e;
  }

  @SuppressWarnings("unchecked")
  private static List<FieldViolation> decodeViolations(ApplicationFailure failure) {
    try {
      return failure.getDetails().get(0, List.class, ViolationList.TYPE);
    } catch (RuntimeException notViolations) {
      return List.of();
    }
  }

  /** Carries the generic type of the violation list through Temporal's data converter. */
  private abstract static class ViolationList implements List<FieldViolation> {
    static final Type TYPE = ViolationList.class.getGenericInterfaces()[0];
  }
}
