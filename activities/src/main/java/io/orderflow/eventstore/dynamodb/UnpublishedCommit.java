package io.orderflow.eventstore.dynamodb;

import java.time.Instant;

/** A commit that SNS does not have yet. */
public record UnpublishedCommit(String orderId, long version, Instant committedAt) {}
