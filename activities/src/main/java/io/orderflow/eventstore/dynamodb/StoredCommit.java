package io.orderflow.eventstore.dynamodb;

import io.orderflow.eventstore.CommitMetadata;
import java.time.Instant;
import java.util.List;

/** One item of {@code order_events}: the events one command produced, and their chain link. */
public record StoredCommit(
    String orderId,
    long version,
    long lastVersion,
    String commitId,
    List<StoredEvent> events,
    CommitMetadata metadata,
    Instant committedAt,
    String prevHash,
    String hash,
    boolean unpublished) {

  public StoredCommit {
    events = List.copyOf(events);
  }
}
