package io.orderflow.api.order;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.order.CreateOrder;
import io.orderflow.order.FieldViolation;
import io.orderflow.order.Order;
import io.orderflow.order.OrderCommand;
import io.orderflow.order.OrderRejected;
import io.orderflow.order.workflow.CommandOutcome;
import io.orderflow.order.workflow.OrderSettings;
import io.orderflow.order.workflow.OrderWorkflow;
import io.orderflow.order.workflow.OrderWorkflowInput;
import io.orderflow.order.workflow.Rejections;
import io.orderflow.workers.config.OrderflowProperties;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Sends commands to order workflows and waits for their answer. */
@Component
class OrderCommands {
  private static final Pattern REASON_PREFIX = Pattern.compile("\\[(\\w+)\\] (.*)", Pattern.DOTALL);
  private static final Set<String> KNOWN_REASONS =
      Set.of(
          OrderRejected.INVALID_ORDER,
          OrderRejected.ORDER_EXISTS,
          OrderRejected.ORDER_NOT_FOUND,
          OrderRejected.ILLEGAL_TRANSITION,
          OrderRejected.INVALID_COMMAND,
          EventStoreActivities.CONCURRENCY_CONFLICT,
          EventStoreActivities.STREAM_RESTORED,
          EventStoreActivities.INVALID_COMMIT);

  private final WorkflowClient client;
  private final OrderSettings settings;
  private final Duration commandTimeout;

  OrderCommands(
      WorkflowClient client,
      OrderflowProperties properties,
      @Value("${orderflow.api.command-timeout:10s}") Duration commandTimeout) {
    this.client = client;
    this.settings = properties.orders().settings();
    this.commandTimeout = commandTimeout;
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
      WorkflowUpdateHandle<Order> accepted =
          WorkflowClient.startUpdateWithStart(
              workflow::create,
              command,
              metadata,
              UpdateOptions.<Order>newBuilder()
                  .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
                  .build(),
              new WithStartWorkflowOperation<>(
                  workflow::run, OrderWorkflowInput.newOrder(command.orderId(), settings)));
      return awaitResult(accepted, command.orderId());
    } catch (WorkflowUpdateException e) {
      throw rejection(e);
    }
  }

  // An accepted command is durable: if its result is slow (the store is down and the append
  // retries), the client is told so instead of waiting without end; the workflow finishes it.
  private <T> T awaitResult(WorkflowUpdateHandle<T> accepted, String orderId) {
    try {
      return accepted.getResultAsync().get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new CommandPending(orderId, commandTimeout);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WorkflowUpdateException refused) {
        throw rejection(refused);
      }
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandPending(orderId, commandTimeout);
    }
  }

  /**
   * Sends a command to the order's workflow and waits for the new state.
   *
   * @throws OrderRejected when the workflow refuses it
   * @throws WorkflowGone when no workflow runs for the order: unknown, or its life is over
   */
  CommandOutcome execute(String orderId, OrderCommand command, CommitMetadata metadata) {
    return update(orderId, "execute", CommandOutcome.class, command, metadata);
  }

  /**
   * Has the order's workflow re-read the order from the tables that serve it now (after a full
   * restore), and answers with the order as the workflow then holds it. Writes nothing.
   *
   * @throws WorkflowGone when no workflow runs for the order: unknown, or its life is over
   */
  Order refresh(String orderId) {
    return update(orderId, "refresh", Order.class);
  }

  private <T> T update(String orderId, String name, Class<T> answer, Object... args) {
    WorkflowStub workflow = client.newUntypedWorkflowStub(OrderWorkflow.workflowId(orderId));
    try {
      WorkflowUpdateHandle<T> accepted =
          workflow.startUpdate(name, WorkflowUpdateStage.ACCEPTED, answer, args);
      return awaitResult(accepted, orderId);
    } catch (WorkflowUpdateException e) {
      throw rejection(e);
    } catch (WorkflowNotFoundException e) {
      throw new WorkflowGone(orderId);
    } catch (WorkflowServiceException e) {
      if (e.getCause() instanceof StatusRuntimeException status
          && status.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw new WorkflowGone(orderId);
      }
      throw e;
    }
  }

  /** No workflow runs for the order: it never existed, or its life is over. */
  static final class WorkflowGone extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String orderId;

    WorkflowGone(String orderId) {
      super("no running workflow for order " + orderId);
      this.orderId = orderId;
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
        List<FieldViolation> fromMessage = List.of();
        if (prefixed.matches()) {
          if (!KNOWN_REASONS.contains(reason)) {
            reason = prefixed.group(1);
          }
          List<String> lines = prefixed.group(2).lines().toList();
          message = lines.get(0);
          fromMessage = violationLines(lines.subList(1, lines.size()));
        }
        if (KNOWN_REASONS.contains(reason)) {
          List<FieldViolation> violations =
              failure.getDetails().getSize() > 0 ? decodeViolations(failure) : fromMessage;
          return new OrderRejected(reason, message, violations);
        }
      }
    }
    return e;
  }

  private static List<FieldViolation> violationLines(List<String> lines) {
    List<FieldViolation> violations = new java.util.ArrayList<>();
    for (String line : lines) {
      int colon = line.indexOf(": ");
      if (line.startsWith(Rejections.VIOLATION_LINE) && colon > 0) {
        violations.add(
            new FieldViolation(
                line.substring(Rejections.VIOLATION_LINE.length(), colon),
                line.substring(colon + 2)));
      }
    }
    return violations;
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
