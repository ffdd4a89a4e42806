package io.orderflow.eventstore.dynamodb;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A page of the explorer: events in commit-time order, and where the next page starts. */
public record ExplorerPage(List<Entry> events, Optional<String> nextPageToken) {

  /**
   * An event with the order it belongs to and the commit that holds it.
   *
   * @param commitVersion the first version of the commit holding the event
   */
  public record Entry(String orderId, Instant committedAt, long commitVersion, StoredEvent event) {}
}
