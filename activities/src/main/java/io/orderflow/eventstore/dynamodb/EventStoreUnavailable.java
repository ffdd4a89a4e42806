package io.orderflow.eventstore.dynamodb;

/**
 * DynamoDB could not be reached or did not answer in time. Retryable: appends are idempotent on
 * their commit id, so a retry never writes twice.
 */
public final class EventStoreUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EventStoreUnavailable(Throwable cause) {
    super("the event store is unavailable: " + cause.getMessage(), cause);
  }
}
