package io.orderflow.order.workflow;

import io.orderflow.eventstore.AppendedCommit;
import io.orderflow.eventstore.PublicationActivities;
import java.util.ArrayList;
import java.util.List;

/** A fake bus that records what it was given and, when told so, is down. */
final class RecordingPublication implements PublicationActivities {

  record Published(String orderId, long firstVersion) {}

  private final InMemoryEventStore store;
  private final List<Published> published = new ArrayList<>();
  private final List<AppendedCommit> appended = new ArrayList<>();
  private boolean down;
  private int attempts;

  RecordingPublication(InMemoryEventStore store) {
    this.store = store;
  }

  @Override
  public synchronized void publishCommit(String orderId, long firstVersion) {
    attempts++;
    if (down) {
      throw new IllegalStateException("the message bus is unreachable");
    }
    published.add(new Published(orderId, firstVersion));
    store.markPublished(orderId, firstVersion);
  }

  @Override
  public synchronized void publishAppended(AppendedCommit commit) {
    attempts++;
    if (down) {
      throw new IllegalStateException("the message bus is unreachable");
    }
    String orderId = commit.result().orderId();
    long firstVersion = commit.result().firstVersion();
    published.add(new Published(orderId, firstVersion));
    appended.add(commit);
    store.markPublished(orderId, firstVersion);
  }

  /** Every attempt from now on fails. */
  synchronized void goDown() {
    down = true;
  }

  synchronized List<Published> published() {
    return List.copyOf(published);
  }

  /** What {@link #publishAppended} was given, in order: the commits published without a read. */
  synchronized List<AppendedCommit> publishedFromTheAppend() {
    return List.copyOf(appended);
  }

  synchronized int attempts() {
    return attempts;
  }
}
