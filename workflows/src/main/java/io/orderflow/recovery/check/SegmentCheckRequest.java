package io.orderflow.recovery.check;

/**
 * Check one parallel-scan segment of the active events table.
 *
 * @param cutoff ISO-8601 instant: a commit made before it is old enough to be judged unpublished,
 *     and a projection row lagging behind it to be judged wrong
 */
public record SegmentCheckRequest(int segment, int totalSegments, String cutoff) {}
