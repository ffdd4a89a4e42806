package io.orderflow.recovery.republish;

import java.util.List;

/**
 * What a batch sent (or, in a dry run, would have sent).
 *
 * @param skipped commits of the unpublished source that were published by the time the batch got to
 *     them
 * @param sent {@code orderId@version eventId} of the first events sent, for the report
 * @param problems what could not be sent and why (an event no longer in the store, say)
 */
public record SendResult(
    long commits,
    long events,
    long markedPublished,
    long skipped,
    long deadLettersDeleted,
    List<String> sent,
    List<String> problems) {}
