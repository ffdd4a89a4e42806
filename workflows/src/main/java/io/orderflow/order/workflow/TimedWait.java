package io.orderflow.order.workflow;

import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code Workflow.await(timeout, condition)} whose timer does not outlive the wait.
 *
 * <p>In SDK 1.38.0 {@code Workflow.await(Duration, …)} leaves its timer running when the condition
 * is met first (the SDK flag that would cancel it does not apply to these workflows), so every
 * finished order woke up again when its creation window, payment timeout or refund window ran out:
 * one more workflow task each, with a full replay once the run had left the cache (docs/
 * performance.md, lifecycle finding 1). From {@link #CANCEL_AWAIT_TIMERS} version 1 on, the timer
 * lives in a cancellation scope that is cancelled as soon as the wait is over: the history records
 * {@code TIMER_CANCELED} and nothing fires later.
 */
final class TimedWait {
  /**
   * {@code Workflow.getVersion} id of the cancelled timers: runs recorded before it wait with the
   * SDK's await, whose timers fire later (replay guard: OrderWorkflowReplayTest, every history
   * older than histories/order-lifecycle-local.json).
   */
  static final String CANCEL_AWAIT_TIMERS = "cancel-await-timers";

  private TimedWait() {}

  /**
   * Blocks until {@code condition} holds or {@code timeout} has passed.
   *
   * @return true when the condition holds, false when the time ran out first
   */
  static boolean await(Duration timeout, Supplier<Boolean> condition) {
    if (Workflow.getVersion(CANCEL_AWAIT_TIMERS, Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      return Workflow.await(timeout, condition);
    }
    if (condition.get()) {
      return true;
    }
    @SuppressWarnings("unchecked")
    Promise<Void>[] timer = new Promise[1];
    CancellationScope scope =
        Workflow.newCancellationScope(
            () -> {
              timer[0] = Workflow.newTimer(timeout);
              // Cancelling fails the promise; nobody reads it, and that is expected.
              timer[0].exceptionally(cancelled -> null);
            });
    scope.run();
    Workflow.await(() -> condition.get() || timer[0].isCompleted());
    boolean met = condition.get();
    if (!timer[0].isCompleted()) {
      scope.cancel();
    }
    return met;
  }
}
