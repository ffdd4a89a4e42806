package io.orderflow.recovery.republish;

import java.util.List;

/**
 * Send a batch: per order by version, at most {@code eventsPerSecond}.
 *
 * @param cutoff as in {@link BatchRequest}: for the unpublished source, older unpublished commits
 *     of the same order made before it go first, so an order's events never overtake each other
 */
public record SendRequest(
    RepublishSource source,
    List<CommitRef> commits,
    boolean dryRun,
    int eventsPerSecond,
    String cutoff,
    String deadLetterQueueUrl) {}
