package io.orderflow.snapshot;

import io.orderflow.order.Order;
import java.time.Instant;

/**
 * An order's folded state at a version.
 *
 * @param stateSchemaVersion the {@link Order#STATE_SCHEMA_VERSION} it was written with
 */
public record OrderSnapshot(Order state, int stateSchemaVersion, Instant takenAt) {
  public String orderId() {
    return state.orderId();
  }

  public long version() {
    return state.version();
  }
}
