package io.orderflow.api.order;

import java.time.Duration;

/**
 * A command was accepted and is durable, but its result did not come within the API's timeout (a
 * backing store may be down and the workflow retrying). The workflow finishes it; the client should
 * not resend a different command meanwhile.
 */
public final class CommandPending extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CommandPending(String orderId, Duration waited) {
    super(
        "the command on order "
            + orderId
            + " was accepted but not finished within "
            + waited.toSeconds()
            + " s (a backing store may be down); it completes once it can: GET /api/orders/"
            + orderId
            + " shows when");
  }
}
