package io.orderflow.publication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.eventstore.AppendedCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.eventstore.PublicationActivities;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * Store, then forward: publishes a commit's events, then clears the unpublished marker. A failure
 * leaves the marker, so the commit stays listed in the unpublished index until it goes out.
 *
 * <p>{@link #publishCommit} reads the commit back from the store (the source of truth); {@link
 * #publishAppended} builds the same messages from the commit its caller has just appended, encoded
 * with the store's own codec, and saves that read.
 */
public final class SnsPublicationActivities implements PublicationActivities {
  private final DynamoDbEventStore store;
  private final EventCodec codec;
  private final SnsEventPublisher publisher;
  private final Counter failures;

  public SnsPublicationActivities(
      DynamoDbEventStore store, SnsEventPublisher publisher, MeterRegistry meters) {
    this.store = store;
    this.codec = store.codec();
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

  // No check of the marker first (that would be the read this method exists to save): a retry
  // after the marker was cleared sends again, and SNS drops the copies by their deduplication ids.
  @Override
  public void publishAppended(AppendedCommit appended) {
    String orderId = appended.result().orderId();
    long firstVersion = appended.result().firstVersion();
    try {
      publisher.publish(
          orderId, appended.commit().metadata().correlationId(), stored(appended, firstVersion));
    } catch (RuntimeException e) {
      failures.increment();
      throw e;
    }
    store.markPublished(orderId, firstVersion);
  }

  /** The events as the store wrote them: the same type, schema version and payload text. */
  private List<StoredEvent> stored(AppendedCommit appended, long firstVersion) {
    List<StoredEvent> events = new ArrayList<>();
    long version = firstVersion;
    for (NewEvent e : appended.commit().events()) {
      events.add(codec.toStored(version++, e));
    }
    return events;
  }
}
