package io.orderflow.recovery.republish;

/**
 * The next batch of the source.
 *
 * @param cutoff ISO-8601: only unpublished commits made before it (the start minus the minimum
 *     age); fixed for the whole run, so the run ends even while new commits keep failing
 * @param cursor where the previous batch ended; null for the first
 * @param dryRun a dry run reads a dead-letter queue's first batch only, and leaves it unread
 */
public record BatchRequest(
    RepublishSource source,
    String from,
    String to,
    String cutoff,
    String cursor,
    int limit,
    String deadLetterQueueUrl,
    boolean dryRun) {}
