package io.orderflow.order.workflow;

import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.order.FieldViolation;
import io.orderflow.order.OrderRejected;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How refusals cross the Temporal boundary: as non-retryable {@link ApplicationFailure}s whose type
 * is the stable reason the API maps to a problem type.
 *
 * <p>The message also starts with {@code [reason]}: Temporal SDK 1.38.0 drops the type and details
 * of a failure thrown by an update <em>validator</em> and keeps only its message
 * (temporalio/sdk-java#2875), so the API reads the reason from there when the type is lost; the
 * field violations follow, one per line, for the same reason.
 */
public final class Rejections {
  private static final Set<String> STORE_REFUSALS =
      Set.of(
          EventStoreActivities.CONCURRENCY_CONFLICT,
          EventStoreActivities.INVALID_COMMIT,
          EventStoreActivities.STREAM_RESTORED);

  /** Each violation follows the message on a line of its own: {@code "- field: message"}. */
  public static final String VIOLATION_LINE = "- ";

  private Rejections() {}

  static ApplicationFailure failure(OrderRejected rejected) {
    StringBuilder message =
        new StringBuilder("[").append(rejected.reason()).append("] ").append(rejected.getMessage());
    for (FieldViolation v : rejected.violations()) {
      message
          .append('\n')
          .append(VIOLATION_LINE)
          .append(v.field())
          .append(": ")
          .append(v.message());
    }
    return ApplicationFailure.newNonRetryableFailure(
        message.toString(), rejected.reason(), rejected.violations());
  }

  /** Runs a decision; a business refusal leaves as a typed failure. */
  static <T> T rethrow(Supplier<T> decision) {
    try {
      return decision.get();
    } catch (OrderRejected rejected) {
      throw failure(rejected);
    }
  }

  /**
   * Runs the append; when the store refuses the commit, the caller sees the store's typed failure
   * itself, not the activity failure wrapped around it.
   */
  static <T> T unwrapStoreRefusal(Supplier<T> append) {
    try {
      return append.get();
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof ApplicationFailure refusal
          && STORE_REFUSALS.contains(refusal.getType())) {
        throw ApplicationFailure.newNonRetryableFailureWithCause(
            "[" + refusal.getType() + "] " + refusal.getOriginalMessage(),
            refusal.getType(),
            refusal);
      }
      throw e;
    }
  }
}
