package io.orderflow.eventstore.dynamodb;

/** The store refuses a commit as it is (empty, too large, invalid payload). Nothing was written. */
public final class InvalidCommit extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidCommit(String message) {
    super(message);
  }
}
