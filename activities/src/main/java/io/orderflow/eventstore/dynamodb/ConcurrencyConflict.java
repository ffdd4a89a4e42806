package io.orderflow.eventstore.dynamodb;

/** Another commit already holds the version an append expected to write. Nothing was written. */
public final class ConcurrencyConflict extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long expectedVersion;
  private final long actualVersion;

  public ConcurrencyConflict(String orderId, long expectedVersion, long actualVersion) {
    super(
        "order "
            + orderId
            + " expected at version "
            + expectedVersion
            + " but is at "
            + actualVersion);
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  public long expectedVersion() {
    return expectedVersion;
  }

  public long actualVersion() {
    return actualVersion;
  }
}
