package io.orderflow.recovery.republish;

/**
 * The worker's settings ({@code orderflow.republish.*}) and what the source holds.
 *
 * @param minAgeSeconds unpublished commits younger than this are left to the normal publication
 *     path, which may be sending them right now
 * @param deadLetterQueueUrl the configured dead-letter queue, resolved; null when none is
 * @param estimate commits (unpublished index) or messages (dead-letter queue) the source holds now;
 *     -1 when unknown (a time range)
 */
public record RepublishPlan(
    int eventsPerSecond,
    int batchSize,
    long minAgeSeconds,
    String deadLetterQueueUrl,
    long estimate) {}
