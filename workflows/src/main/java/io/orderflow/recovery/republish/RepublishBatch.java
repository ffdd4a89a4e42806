package io.orderflow.recovery.republish;

import java.util.List;

/**
 * A batch of the source, oldest first.
 *
 * @param nextCursor where the next batch starts; null when the source has no more
 * @param unreadable dead-letter messages that name no event (left in the queue)
 */
public record RepublishBatch(
    List<CommitRef> commits, String nextCursor, long unreadable, List<String> problems) {}
