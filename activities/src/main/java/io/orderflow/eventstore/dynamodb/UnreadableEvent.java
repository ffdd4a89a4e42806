package io.orderflow.eventstore.dynamodb;

/** A stored event that today's code cannot turn back into a domain event. */
public final class UnreadableEvent extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnreadableEvent(StoredEvent event, String reason) {
    super("event " + event.eventId() + " at version " + event.version() + ": " + reason);
  }
}
