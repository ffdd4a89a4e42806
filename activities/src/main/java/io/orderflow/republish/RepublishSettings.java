package io.orderflow.republish;

import java.time.Duration;

/**
 * How republishing runs ({@code orderflow.republish.*}).
 *
 * @param eventsPerSecond the pace when a request names none
 * @param batchSize commits (events, for a time range; messages, for a dead-letter queue) per batch
 * @param minAge unpublished commits younger than this are left to the normal publication path
 * @param deadLetterQueue the SQS dead-letter queue to redrive, by URL or name; empty for none
 * @param visibilityTimeout how long a dead-letter message read into a batch stays hidden from other
 *     readers: longer than a batch takes at the configured pace
 */
public record RepublishSettings(
    int eventsPerSecond,
    int batchSize,
    Duration minAge,
    String deadLetterQueue,
    Duration visibilityTimeout) {}
