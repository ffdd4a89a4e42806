package io.orderflow.recovery.check;

import java.util.List;
import java.util.Map;

/**
 * What one segment holds and what is wrong with it.
 *
 * @param counts every finding, by kind; {@code findings} keeps the first {@link #MAX_LISTED}
 */
public record SegmentCheck(
    int segment,
    long orders,
    long commits,
    long events,
    long snapshotsCompared,
    long projectionsCompared,
    Map<FindingKind, Long> counts,
    List<Finding> findings) {
  /** At most this many findings travel back per segment; the counts are always exact. */
  public static final int MAX_LISTED = 50;
}
