package io.orderflow.api.operations;

/** No operation has this id; answered with 404 operation-not-found. */
public final class OperationNotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OperationNotFound(String operationId) {
    super("no operation has the id " + operationId);
  }
}
