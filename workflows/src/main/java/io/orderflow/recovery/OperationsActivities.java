package io.orderflow.recovery;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Records DR operations in the registry the API lists ({@code orderflow_operations}), independent
 * of Temporal's visibility. Every method is idempotent: a retry changes nothing more, and nothing
 * changes an operation once it is final.
 */
@ActivityInterface
public interface OperationsActivities {

  /**
   * Marks the operation RUNNING with its workflow and run ids. Keeps the start time, starter and
   * parameters the API recorded first, if any.
   */
  @ActivityMethod
  void recordStart(OperationStart start);

  /** Records the phase and progress of a RUNNING operation; ignored once the operation is final. */
  @ActivityMethod
  void recordProgress(OperationProgress progress);

  /**
   * Records the final status, result and finish time; ignored if the operation is final already.
   */
  @ActivityMethod
  void recordFinish(OperationFinish finish);
}
