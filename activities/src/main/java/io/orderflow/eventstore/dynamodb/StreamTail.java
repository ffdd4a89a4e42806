package io.orderflow.eventstore.dynamodb;

import java.util.ArrayList;
import java.util.List;

/**
 * The newest commits of a stream as one query page returned them, kept oldest first. It holds the
 * whole stream when its oldest commit starts at version 1, and is empty for an unknown order.
 */
public record StreamTail(List<StoredCommit> commits) {
  public StreamTail {
    commits = List.copyOf(commits);
  }

  public boolean isEmpty() {
    return commits.isEmpty();
  }

  /** Whether the tail is the whole stream: its oldest commit starts at version 1. */
  public boolean fromStart() {
    return !commits.isEmpty() && commits.get(0).version() == 1;
  }

  /** Whether every event after {@code version} is in the tail, so no other read is needed. */
  public boolean holdsEverythingAfter(long version) {
    return fromStart() || (!commits.isEmpty() && version >= commits.get(0).version() - 1);
  }

  /** The tail's events after {@code version}, oldest first. */
  public List<StoredEvent> eventsAfter(long version) {
    List<StoredEvent> after = new ArrayList<>();
    for (StoredCommit commit : commits) {
      for (StoredEvent event : commit.events()) {
        if (event.version() > version) {
          after.add(event);
        }
      }
    }
    return after;
  }
}
