package io.orderflow.publication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.eventstore.PublicationActivities;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.temporal.failure.ApplicationFailure;

/**
 * Store, then forward: reads the commit back from the store (the source of truth), publishes its
 * events, then clears the unpublished marker. A failure leaves the marker, so the commit stays
 * listed in the unpublished index until it goes out.
 */
public final class SnsPublicationActivities implements PublicationActivities {
  private final DynamoDbEventStore store;
  private final SnsEventPublisher publisher;
  private final Counter failures;

  public SnsPublicationActivities(
      DynamoDbEventStore store, SnsEventPublisher publisher, MeterRegistry meters) {
    this.store = store;
    this.publisher = publisher;
    this.failures =
        Counter.builder("orderflow.events.publication.failures")
            .description("Attempts to publish a commit that failed")
            .register(meters);
  }

  @Override
  public void publishCommit(String orderId, long firstVersion) {
    StoredCommit commit =
        store
            .readCommit(orderId, firstVersion)
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "no commit " + orderId + "@" + firstVersion, "CommitNotFound"));
    if (!commit.unpublished()) {
      return;
    }
    try {
      publisher.publish(commit);
    } catch (RuntimeException e) {
      failures.increment();
      throw e;
    }
    store.markPublished(orderId, firstVersion);
  }
}
