package io.orderflow.order.workflow;

import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.AppendedCommit;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.eventstore.LoadedOrder;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.order.CreateOrder;
import io.orderflow.order.FieldViolation;
import io.orderflow.order.Order;
import io.orderflow.order.OrderCancelled;
import io.orderflow.order.OrderCommand;
import io.orderflow.order.OrderDecisions;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.OrderRejected;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.RecordedEvent;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;

public class OrderWorkflowImpl implements OrderWorkflow {
  private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);

  /** A workflow started by a creation that was then refused does not linger. */
  static final Duration CREATION_WINDOW = Duration.ofMinutes(5);

  /**
   * {@code Workflow.getVersion} id of the reload after a full restore: runs recorded before it
   * never reload (replay guard: OrderWorkflowReplayTest, histories/reload-after-restore.json).
   */
  static final String RELOAD_AFTER_RESTORE = "reload-after-restore";

  /**
   * {@code Workflow.getVersion} id of the reload when another writer appended under the workflow
   * (the replay runbook's correction, a single-order recovery): runs recorded before it refuse the
   * command with {@code ConcurrencyConflict} (replay guard: OrderWorkflowReplayTest,
   * histories/reload-on-conflict.json).
   */
  static final String RELOAD_ON_CONFLICT = "reload-on-conflict";

  private static final CommitMetadata TIMER_METADATA =
      new CommitMetadata(null, OrderCancelled.PAYMENT_TIMEOUT, "system", null);

  private final CommandActivities activities = new CommandActivities();
  private final CommitForwarding forwarding;
  private final WorkflowLock commandLock = Workflow.newWorkflowLock();
  private final String orderId;
  private final OrderSettings settings;
  private final RequestMemory requests;
  private Order state;
  private String lastHash;
  // The active-tables revision state and lastHash were last confirmed against; null = unknown.
  private Long tablesRevision;
  private int reloads;

  // Update-with-start may deliver the update before run() executes; the state must exist first.
  @WorkflowInit
  public OrderWorkflowImpl(OrderWorkflowInput input) {
    orderId = input.orderId();
    forwarding = new CommitForwarding(activities, orderId);
    settings = input.settings();
    requests = new RequestMemory(input.applied());
    state = input.state();
    lastHash = input.lastHash();
    tablesRevision = input.tablesRevision();
  }

  @Override
  public void run(OrderWorkflowInput input) {
    // A creation still in flight (say, the store is down and the append retries) must finish
    // before the run may end, or its commit would land with no workflow to own it.
    if (!TimedWait.await(CREATION_WINDOW, () -> state.exists())) {
      Workflow.await(Workflow::isEveryHandlerFinished);
      if (!state.exists()) {
        return;
      }
    }
    while (!state.isFinal()) {
      if (continueAsNewDue()) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        Workflow.continueAsNew(
            new OrderWorkflowInput(
                orderId, state, lastHash, settings, requests.answers(), tablesRevision));
      }
      Seen seen = seen();
      if (state.status() == OrderStatus.CONFIRMED) {
        awaitPaymentOrTimeout(seen);
      } else if (state.status() == OrderStatus.DELIVERED) {
        if (!TimedWait.await(remaining(settings.refundWindow()), () -> changedSince(seen))) {
          break; // the refund window closed: the order's life is over
        }
      } else {
        Workflow.await(() -> changedSince(seen));
      }
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  private void awaitPaymentOrTimeout(Seen seen) {
    int version = Workflow.getVersion("payment-timeout", Workflow.DEFAULT_VERSION, 1);
    if (version == Workflow.DEFAULT_VERSION) {
      Workflow.await(() -> changedSince(seen));
      return;
    }
    if (TimedWait.await(remaining(settings.paymentTimeout()), () -> changedSince(seen))) {
      return;
    }
    commandLock.lock();
    try {
      // a payment may have slipped in while the lock was taken
      if (state.status() == OrderStatus.CONFIRMED) {
        cancelUnpaid();
      }
    } finally {
      commandLock.unlock();
    }
  }

  private void cancelUnpaid() {
    List<OrderEvent> events =
        OrderDecisions.decide(state, new OrderCommand.Cancel(OrderCancelled.PAYMENT_TIMEOUT));
    AppendedCommit appended;
    try {
      appended = commit(events, TIMER_METADATA);
    } catch (ApplicationFailure refusal) {
      if (!reloadsAfter(refusal)) {
        throw refusal;
      }
      // The deadline was the stream's as this workflow knew it: the run loop waits again on the
      // order as it is now.
      reload(refusal);
      return;
    }
    forwarding.forward(appended, state);
  }

  /** What the run loop last looked at: a change of version, or a reload, wakes it. */
  private record Seen(long version, int reloads) {}

  private Seen seen() {
    return new Seen(state.version(), reloads);
  }

  private boolean changedSince(Seen seen) {
    return state.version() != seen.version() || reloads != seen.reloads() || continueAsNewDue();
  }

  private boolean continueAsNewDue() {
    var info = Workflow.getInfo();
    return info.isContinueAsNewSuggested() || info.getHistoryLength() > settings.maxHistoryEvents();
  }

  // Time left of a period that started when the order entered its current status.
  private Duration remaining(Duration period) {
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    Duration left = Duration.between(now, state.updatedAt().plus(period));
    return left.isNegative() ? Duration.ZERO : left;
  }

  @Override
  public void validateCreate(CreateOrder command, CommitMetadata metadata) {
    if (command == null || !orderId.equals(command.orderId())) {
      throw Rejections.failure(
          new OrderRejected(
              OrderRejected.INVALID_ORDER,
              "the command is not for order " + orderId,
              List.of(new FieldViolation("orderId", "must be " + orderId))));
    }
    if (!requests.isRepeat(metadata)) {
      Rejections.rethrow(() -> OrderDecisions.create(state, command));
    }
  }

  @Override
  public Order create(CreateOrder command, CommitMetadata metadata) {
    return handle(metadata, () -> OrderDecisions.create(state, command)).order();
  }

  @Override
  public void validateExecute(OrderCommand command, CommitMetadata metadata) {
    if (command == null) {
      throw Rejections.failure(
          new OrderRejected(
              OrderRejected.INVALID_COMMAND,
              "a command is required",
              List.of(new FieldViolation("command", "must not be null"))));
    }
    if (!requests.isRepeat(metadata)) {
      Rejections.rethrow(() -> OrderDecisions.decide(state, command));
    }
  }

  @Override
  public CommandOutcome execute(OrderCommand command, CommitMetadata metadata) {
    return handle(metadata, () -> OrderDecisions.decide(state, command));
  }

  @Override
  public Order refresh() {
    commandLock.lock();
    try {
      LoadedOrder loaded = activities.load(orderId);
      if (loaded.order().version() == state.version()
          && Objects.equals(loaded.lastHash(), lastHash)) {
        tablesRevision = loaded.tablesRevision(); // the same order: only the confirmation is new
      } else {
        adopt(loaded, "refresh requested");
      }
      return state;
    } finally {
      commandLock.unlock();
    }
  }

  @Override
  public Order current() {
    return state;
  }

  // One command at a time: decide on the state as it is after the previous one has landed.
  private CommandOutcome handle(CommitMetadata metadata, Supplier<List<OrderEvent>> decide) {
    requests.started(metadata);
    commandLock.lock();
    try {
      Optional<CommandOutcome> earlier = requests.answered(metadata);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      Landed landed = decideAndCommit(decide, metadata);
      // Remembered before the bus and the read model are told: a retry of this request that
      // arrives meanwhile gets this answer instead of being judged against the new state.
      CommandOutcome outcome = new CommandOutcome(landed.from(), state);
      requests.remember(metadata, outcome);
      forwarding.forward(landed.appended(), state);
      return outcome;
    } finally {
      commandLock.unlock();
      requests.finished(metadata);
    }
  }

  /** What an accepted command did: the status it left, and the commit it appended. */
  private record Landed(OrderStatus from, AppendedCommit appended) {}

  // If a full restore replaced the stream under this workflow, the store refuses the commit rather
  // than leave a gap or fork the chain; if another writer appended to it (a correction, a
  // recovery), the commit loses the race for its version. Either way the workflow takes the stream
  // in and decides once more. On the order as it is now the command may be illegal (refused as
  // usual) or land on top.
  private Landed decideAndCommit(Supplier<List<OrderEvent>> decide, CommitMetadata metadata) {
    OrderStatus from = state.status();
    try {
      return new Landed(from, commit(Rejections.rethrow(decide), metadata));
    } catch (ApplicationFailure refusal) {
      if (!reloadsAfter(refusal)) {
        throw refusal;
      }
      reload(refusal);
    }
    from = state.status();
    try {
      return new Landed(from, commit(Rejections.rethrow(decide), metadata));
    } catch (ApplicationFailure refusal) {
      if (!isStreamRestored(refusal)) {
        // Moved again within one command: refused, but the caller's retry is judged on the
        // newest order, not on the one this workflow has just lost the race with.
        if (reloadsAfter(refusal)) {
          reload(refusal);
        }
        throw refusal;
      }
      // Restored again within one command: take the newest stream in and let the caller retry.
      reload(refusal);
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          "["
              + EventStoreActivities.CONCURRENCY_CONFLICT
              + "] order "
              + orderId
              + " was restored again while the command was decided; send it again",
          EventStoreActivities.CONCURRENCY_CONFLICT,
          refusal);
    }
  }

  private static boolean isStreamRestored(ApplicationFailure refusal) {
    return EventStoreActivities.STREAM_RESTORED.equals(refusal.getType());
  }

  private static boolean isConflict(ApplicationFailure refusal) {
    return EventStoreActivities.CONCURRENCY_CONFLICT.equals(refusal.getType());
  }

  /** Whether this refusal of an append means: the stream moved, reload it and decide again. */
  private boolean reloadsAfter(ApplicationFailure refusal) {
    if (isStreamRestored(refusal)) {
      return Workflow.getVersion(RELOAD_AFTER_RESTORE, Workflow.DEFAULT_VERSION, 1)
          != Workflow.DEFAULT_VERSION;
    }
    // A creation that conflicts found another order under its id: there is nothing to decide
    // again, and it is refused as before.
    if (isConflict(refusal) && state.exists()) {
      return Workflow.getVersion(RELOAD_ON_CONFLICT, Workflow.DEFAULT_VERSION, 1)
          != Workflow.DEFAULT_VERSION;
    }
    return false;
  }

  private void reload(ApplicationFailure why) {
    adopt(activities.load(orderId), why.getType());
  }

  private void adopt(LoadedOrder loaded, String why) {
    long was = state.version();
    state = loaded.order();
    lastHash = loaded.lastHash();
    tablesRevision = loaded.tablesRevision();
    reloads++;
    requests.forgetAnswersAfter(state.version());
    log.warn(
        "order {} moved under its workflow ({}; tables revision {}): version {} in memory, {} in"
            + " the stream; reloaded",
        orderId,
        why,
        tablesRevision,
        was,
        state.version());
  }

  private AppendedCommit commit(List<OrderEvent> events, CommitMetadata metadata) {
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    List<NewEvent> newEvents = new ArrayList<>();
    for (OrderEvent event : events) {
      newEvents.add(new NewEvent(Workflow.randomUUID().toString(), now, event));
    }
    CommitMetadata stamped =
        new CommitMetadata(
            metadata.correlationId(),
            metadata.causationId(),
            metadata.actor(),
            Workflow.getInfo().getWorkflowId());
    NewCommit commit =
        new NewCommit(
            orderId,
            state.version(),
            Workflow.randomUUID().toString(),
            lastHash,
            newEvents,
            stamped,
            tablesRevision);
    AppendResult appended = Rejections.unwrapStoreRefusal(() -> activities.append(commit));
    Order next = state;
    long version = commit.firstVersion();
    for (NewEvent event : newEvents) {
      next = next.apply(new RecordedEvent(version++, event.eventId(), now, event.event()));
    }
    state = next;
    lastHash = appended.hash();
    tablesRevision = appended.tablesRevision();
    return new AppendedCommit(commit, appended);
  }
}
