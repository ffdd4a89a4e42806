package io.orderflow.order;

import java.util.List;

/**
 * A business rule refused a command. Nothing was written. {@link #reason} is a stable string that
 * crosses the Temporal boundary as the failure type and becomes the API's problem type.
 */
public final class OrderRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The command's input broke a rule; {@link #violations} names each field. */
  public static final String INVALID_ORDER = "InvalidOrder";

  /** The order already exists, so it cannot be created again. */
  public static final String ORDER_EXISTS = "OrderAlreadyExists";

  /** The order a command names was never created. */
  public static final String ORDER_NOT_FOUND = "OrderNotFound";

  /** The command is not allowed in the order's current status. */
  public static final String ILLEGAL_TRANSITION = "IllegalTransition";

  /** The command's own input broke a rule (a payment that is not the total, say). */
  public static final String INVALID_COMMAND = "InvalidCommand";

  /** An idempotency key came back with a different request than the one it first carried. */
  public static final String IDEMPOTENCY_KEY_REUSED = "IdempotencyKeyReused";

  private final String reason;
  private final List<FieldViolation> violations;

  public OrderRejected(String reason, String message, List<FieldViolation> violations) {
    super(message);
    this.reason = reason;
    this.violations = List.copyOf(violations);
  }

  public String reason() {
    return reason;
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
