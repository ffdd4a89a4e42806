package io.orderflow.api.problem;

/** A query parameter the API cannot use; answered with 400 invalid-parameter naming it. */
public final class InvalidParameter extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String parameter;

  public InvalidParameter(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
