package io.orderflow.restore;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.order.Order;
import io.orderflow.order.OrderInvariants;
import io.orderflow.order.RecordedEvent;
import io.orderflow.recovery.restore.Anomaly;
import io.orderflow.recovery.restore.Reconstruction;
import io.orderflow.recovery.restore.SegmentValidation;
import io.orderflow.snapshot.SnapshotStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds one order from its commits with today's code (upcasters included), checks the business
 * rules on every step, and holds its latest snapshot against the fold of the events up to that
 * snapshot's version. Used by the full restore on the restored tables and by the consistency check
 * on the live ones.
 */
public final class OrderReconstruction {
  private final EventCodec codec;

  public OrderReconstruction(EventCodec codec) {
    this.codec = codec;
  }

  /** Counts and findings of one activity's worth of orders. */
  static final class Tally {
    private long orders;
    private long snapshotsCompared;
    private long anomalyCount;
    private final List<Anomaly> anomalies = new ArrayList<>();

    long orders() {
      return orders;
    }

    void add(Anomaly anomaly) {
      anomalyCount++;
      if (anomalies.size() < SegmentValidation.MAX_LISTED) {
        anomalies.add(anomaly);
      }
    }

    Reconstruction result() {
      return new Reconstruction(orders, snapshotsCompared, anomalyCount, List.copyOf(anomalies));
    }
  }

  Tally tally() {
    return new Tally();
  }

  /**
   * What checking one order found.
   *
   * @param state the fold of every event; null when the order has no commits or an event cannot be
   *     read
   * @param snapshotCompared whether a snapshot of the current state schema was held against the
   *     fold
   */
  public record Outcome(Order state, boolean snapshotCompared, List<Anomaly> anomalies) {}

  void check(String orderId, List<StoredCommit> commits, SnapshotStore snapshots, Tally tally) {
    tally.orders++;
    Outcome outcome = examine(orderId, commits, snapshots);
    if (outcome.snapshotCompared()) {
      tally.snapshotsCompared++;
    }
    outcome.anomalies().forEach(tally::add);
  }

  /** Folds the order's commits, checks the rules, and compares its latest snapshot. */
  public Outcome examine(String orderId, List<StoredCommit> commits, SnapshotStore snapshots) {
    List<Anomaly> anomalies = new ArrayList<>();
    if (commits.isEmpty()) {
      anomalies.add(
          new Anomaly("MISSING", orderId, 0, "the order has no commits in the restored table"));
      return new Outcome(null, false, anomalies);
    }
    List<RecordedEvent> events = new ArrayList<>();
    for (StoredCommit commit : commits) {
      for (var stored : commit.events()) {
        try {
          events.add(codec.decode(stored));
        } catch (RuntimeException unreadable) {
          anomalies.add(
              new Anomaly(
                  "UNREADABLE_EVENT",
                  orderId,
                  stored.version(),
                  String.valueOf(unreadable.getMessage())));
          return new Outcome(null, false, anomalies);
        }
      }
    }
    OrderInvariants.Checked checked = OrderInvariants.check(orderId, events);
    checked
        .violations()
        .forEach(
            v -> anomalies.add(new Anomaly("RULE:" + v.rule(), orderId, v.version(), v.detail())));
    Optional<SnapshotStore.StoredSnapshot> latest = snapshots.latest(orderId);
    if (latest.isEmpty() || latest.get().stateSchemaVersion() != Order.STATE_SCHEMA_VERSION) {
      // no snapshot, or one of an older shape that the loader ignores and rewrites
      return new Outcome(checked.state(), false, anomalies);
    }
    SnapshotStore.StoredSnapshot snapshot = latest.get();
    if (snapshot.version() > checked.state().version()) {
      anomalies.add(
          new Anomaly(
              "SNAPSHOT_AHEAD",
              orderId,
              snapshot.version(),
              "a snapshot at version "
                  + snapshot.version()
                  + " of a stream that ends at "
                  + checked.state().version()));
      return new Outcome(checked.state(), true, anomalies);
    }
    Order expected =
        Order.fold(
            orderId, events.stream().filter(e -> e.version() <= snapshot.version()).toList());
    Optional<Order> stored = snapshots.tryDecode(snapshot);
    if (stored.isEmpty() || !stored.get().equals(expected)) {
      anomalies.add(
          new Anomaly(
              "SNAPSHOT_MISMATCH",
              orderId,
              snapshot.version(),
              "snapshot "
                  + stored.map(this::json).orElse("unreadable")
                  + " differs from the fold "
                  + json(expected)));
    }
    return new Outcome(checked.state(), true, anomalies);
  }

  private String json(Order order) {
    try {
      String text = codec.mapper().writeValueAsString(order);
      return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    } catch (JsonProcessingException e) {
      return order.toString();
    }
  }
}
