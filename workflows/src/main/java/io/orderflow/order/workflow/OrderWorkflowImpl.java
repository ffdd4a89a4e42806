package io.orderflow.order.workflow;

import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.eventstore.PublicationActivities;
import io.orderflow.order.CreateOrder;
import io.orderflow.order.FieldViolation;
import io.orderflow.order.Order;
import io.orderflow.order.OrderDecisions;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.OrderRejected;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.RecordedEvent;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

public class OrderWorkflowImpl implements OrderWorkflow {
  private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);

  /** A workflow started by a creation that was then refused does not linger. */
  static final Duration CREATION_WINDOW = Duration.ofMinutes(5);

  private final EventStoreActivities store =
      Workflow.newActivityStub(
          EventStoreActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofMillis(200))
                      .setMaximumInterval(Duration.ofSeconds(10))
                      .setDoNotRetry(
                          EventStoreActivities.CONCURRENCY_CONFLICT,
                          EventStoreActivities.INVALID_COMMIT)
                      .build())
              .build());

  // Publication is bounded: a bus that is down must not hold the order hostage. The commit keeps
  // its unpublished marker and the republish runbook sends it later.
  private final PublicationActivities publication =
      Workflow.newActivityStub(
          PublicationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .setScheduleToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofMillis(200))
                      .setMaximumAttempts(5)
                      .build())
              .build());

  private final WorkflowLock commandLock = Workflow.newWorkflowLock();
  private Order state;
  private String lastHash;

  // Update-with-start may deliver the update before run() executes; the state must exist first.
  @WorkflowInit
  public OrderWorkflowImpl(OrderWorkflowInput input) {
    state = input.state();
    lastHash = input.lastHash();
  }

  @Override
  public void run(OrderWorkflowInput input) {
    // A creation still in flight (say, the store is down and the append retries) must finish
    // before the run may end, or its commit would land with no workflow to own it.
    if (!Workflow.await(CREATION_WINDOW, () -> state.exists())) {
      Workflow.await(Workflow::isEveryHandlerFinished);
      if (!state.exists()) {
        return;
      }
    }
    Workflow.await(() -> isFinal(state.status()) && Workflow.isEveryHandlerFinished());
  }

  @Override
  public void validateCreate(CreateOrder command, CommitMetadata metadata) {
    String workflowId = Workflow.getInfo().getWorkflowId();
    if (command == null || !workflowId.equals(OrderWorkflow.workflowId(command.orderId()))) {
      throw Rejections.failure(
          new OrderRejected(
              OrderRejected.INVALID_ORDER,
              "the command is not for the order of " + workflowId,
              List.of(new FieldViolation("orderId", "must be the order of " + workflowId))));
    }
    Rejections.rethrow(() -> OrderDecisions.create(state, command));
  }

  @Override
  public Order create(CreateOrder command, CommitMetadata metadata) {
    commandLock.lock();
    try {
      List<OrderEvent> events = Rejections.rethrow(() -> OrderDecisions.create(state, command));
      commit(events, metadata);
      return state;
    } finally {
      commandLock.unlock();
    }
  }

  @Override
  public Order current() {
    return state;
  }

  private void commit(List<OrderEvent> events, CommitMetadata metadata) {
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    List<NewEvent> newEvents = new ArrayList<>();
    for (OrderEvent event : events) {
      newEvents.add(new NewEvent(Workflow.randomUUID().toString(), now, event));
    }
    NewCommit commit =
        new NewCommit(
            state.orderId(),
            state.version(),
            Workflow.randomUUID().toString(),
            lastHash,
            newEvents,
            metadata);
    AppendResult appended = Rejections.unwrapStoreRefusal(() -> store.appendCommit(commit));
    Order next = state;
    long version = commit.firstVersion();
    for (NewEvent event : newEvents) {
      next = next.apply(new RecordedEvent(version++, event.eventId(), now, event.event()));
    }
    state = next;
    lastHash = appended.hash();
    publish(appended);
  }

  private void publish(AppendResult appended) {
    try {
      publication.publishCommit(appended.orderId(), appended.firstVersion());
    } catch (ActivityFailure e) {
      log.warn(
          "commit {}@{} stays unpublished: {}",
          appended.orderId(),
          appended.firstVersion(),
          e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
    }
  }

  private static boolean isFinal(OrderStatus status) {
    return status == OrderStatus.CANCELLED || status == OrderStatus.REFUNDED;
  }
}
