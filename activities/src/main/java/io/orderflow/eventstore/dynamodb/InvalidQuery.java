package io.orderflow.eventstore.dynamodb;

/** A query the store will not run, naming the parameter at fault. */
public final class InvalidQuery extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String parameter;

  public InvalidQuery(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
