package io.orderflow.api.recovery;

/**
 * {@code POST /api/recoveries/republish}.
 *
 * @param source {@code unpublished} (the default), {@code range} (the default when from or to is
 *     given) or {@code dlq}
 * @param from with {@code range}: ISO-8601 instant, commits made at or after it
 * @param to with {@code range}: ISO-8601 instant, commits made before it; at most 7 days after from
 * @param dryRun report what would be sent, send nothing; false when absent
 * @param eventsPerSecond the pace, 1–10000; the worker's setting when absent
 */
record RepublishRequest(
    String source, String from, String to, Boolean dryRun, Integer eventsPerSecond) {}
