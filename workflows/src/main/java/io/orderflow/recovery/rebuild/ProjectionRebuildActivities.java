package io.orderflow.recovery.rebuild;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The side effects of a projection rebuild. Every method is idempotent: a retry changes nothing
 * more. Failures a retry cannot fix are non-retryable {@code ApplicationFailure}s with a stable
 * type: {@code UnknownProjection}, {@code TableInUse}, {@code RebuildRunning}, {@code
 * GenerationMissing}, {@code PointerMoved}.
 */
@ActivityInterface
public interface ProjectionRebuildActivities {

  /**
   * The read model's generations and the active events table. Changes nothing.
   *
   * @throws io.temporal.failure.ApplicationFailure {@code UnknownProjection} for a name no read
   *     model is registered under
   */
  @ActivityMethod
  ProjectionState inspect(String projection);

  /**
   * Creates a generation's table with every index; an existing one is fine. Refuses the active, the
   * previous and the configured table ({@code TableInUse}).
   */
  @ActivityMethod
  void createGeneration(GenerationRequest request);

  /**
   * Announces the generation as being built: from here on live writes go there too. A retry by the
   * same operation is a no-op.
   *
   * @throws io.temporal.failure.ApplicationFailure {@code RebuildRunning} when another operation is
   *     building the read model; {@code GenerationMissing} when the table does not exist
   */
  @ActivityMethod
  Announced startBuilding(BuildingRequest request);

  /**
   * Folds every order of one scan segment into the generation, writing whole rows in batches and
   * heartbeating the scan's position after each page; a retry resumes after the last heartbeat.
   */
  @ActivityMethod
  SegmentRebuilt rebuildSegment(SegmentRequest request);

  /**
   * Folds again every order committed to since an instant, through the events table's time index,
   * and moves its row forward in the generation. Heartbeats the orders done.
   */
  @ActivityMethod
  CaughtUp catchUp(CatchUpRequest request);

  /**
   * Makes the announced generation active in one conditional write; the replaced one is kept as the
   * previous generation.
   *
   * @throws io.temporal.failure.ApplicationFailure {@code PointerMoved} when another swap happened
   *     first or the generation is no longer the one announced
   */
  @ActivityMethod
  Swapped swap(SwapRequest request);

  /** Withdraws the generation's announcement, if it is still announced. */
  @ActivityMethod
  void stopBuilding(GenerationRequest request);

  /**
   * Drops a generation that no longer serves: forgets it as the previous one, then deletes its
   * table (a missing one is fine). Refuses the active generation, one being built and the
   * configured table ({@code TableInUse}).
   */
  @ActivityMethod
  void dropGeneration(GenerationRequest request);
}
