package io.orderflow.eventstore;

/**
 * A commit its writer has just appended: what it sent to the store and where the store put it.
 * Everything a publisher needs to build the commit's messages without reading the store again.
 *
 * @param commit the commit exactly as it was passed to {@link EventStoreActivities#appendCommit}
 * @param result what that append answered
 */
public record AppendedCommit(NewCommit commit, AppendResult result) {}
