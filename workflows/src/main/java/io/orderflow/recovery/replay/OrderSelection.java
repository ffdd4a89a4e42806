package io.orderflow.recovery.replay;

import java.util.List;

/**
 * Orders with a commit in a time range, a page at a time.
 *
 * @param nextPageToken null on the last page
 */
public record OrderSelection(List<String> orderIds, String nextPageToken) {}
