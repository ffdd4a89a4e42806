package io.orderflow.recovery.restore;

import java.util.List;

/**
 * What one segment of the restored tables holds, and what is wrong with it.
 *
 * @param anomalyCount every anomaly found; {@code anomalies} keeps the first of them
 * @param sample the orders of this segment picked for reconstruction
 */
public record SegmentValidation(
    int segment,
    long commits,
    long events,
    long orders,
    long snapshots,
    long anomalyCount,
    List<Anomaly> anomalies,
    List<String> sample) {
  /** At most this many anomalies travel back per segment; the count is always exact. */
  public static final int MAX_LISTED = 50;
}
