package io.orderflow.api.operations;

/** The operation is final already, so there is nothing to cancel; answered with 409. */
public final class OperationFinished extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OperationFinished(String operationId, String status) {
    super("operation " + operationId + " is " + status + " already; nothing to cancel");
  }
}
