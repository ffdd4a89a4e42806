package io.orderflow.recovery;

/** Where a DR operation stands. Only RUNNING may change; the others are final. */
public enum OperationStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean isFinal() {
    return this != RUNNING;
  }
}
