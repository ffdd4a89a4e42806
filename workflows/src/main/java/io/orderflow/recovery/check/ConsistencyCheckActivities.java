package io.orderflow.recovery.check;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The side effects of a consistency check: reads, and the verdict the metrics show. */
@ActivityInterface
public interface ConsistencyCheckActivities {

  /** The worker's configured segments and staleness threshold. */
  @ActivityMethod
  CheckSettings checkSettings();

  /**
   * Scans one segment of the active events table: contiguous versions and an intact hash chain for
   * every stream, the latest snapshot and the projection row against the fold, and commits left
   * unpublished. Read only; heartbeats its position and resumes from it on a retry.
   */
  @ActivityMethod
  SegmentCheck checkSegment(SegmentCheckRequest request);

  /**
   * Keeps the finished check's counts and time where every instance's {@code
   * orderflow.consistency.*} gauges read them. Idempotent.
   */
  @ActivityMethod
  void recordCheckVerdict(CheckReport report);
}
