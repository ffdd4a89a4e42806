package io.orderflow.recovery.rebuild;

import java.util.List;

/**
 * One segment folded into the new generation.
 *
 * @param commits items of the events table read, over every attempt
 * @param orders orders folded; {@code rows} of them have a row in this read model
 * @param resumedAfter commits an earlier attempt had done when this one took over from its
 *     heartbeat; 0 when it ran from the start
 * @param unfoldable orders whose history could not be folded (a gap, an unreadable event); {@code
 *     problems} names the first of them
 */
public record SegmentRebuilt(
    int segment,
    long commits,
    long events,
    long orders,
    long rows,
    long resumedAfter,
    long unfoldable,
    List<String> problems) {
  /** At most this many problems travel back per segment; the count is always exact. */
  public static final int MAX_LISTED = 20;
}
