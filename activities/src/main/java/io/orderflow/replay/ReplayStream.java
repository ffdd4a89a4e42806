package io.orderflow.replay;

import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.order.RecordedEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * One order's stream as a replay read it: its events, decoded and upcast, and the head a correction
 * chains to.
 *
 * @param version the version of the last event; 0 for an unknown order
 * @param lastHash the hash of the last commit; the genesis hash for an unknown order
 */
record ReplayStream(String orderId, List<RecordedEvent> events, long version, String lastHash) {

  static ReplayStream read(DynamoDbEventStore store, String orderId) {
    List<StoredCommit> commits = store.readCommits(orderId);
    List<RecordedEvent> events =
        commits.stream().flatMap(c -> c.events().stream()).map(store.codec()::decode).toList();
    if (commits.isEmpty()) {
      return new ReplayStream(orderId, events, 0, NewCommit.GENESIS_HASH);
    }
    StoredCommit head = commits.get(commits.size() - 1);
    return new ReplayStream(orderId, events, head.lastVersion(), head.hash());
  }

  /** This stream with one more commit of one event at its head. */
  ReplayStream plus(RecordedEvent appended, String hash) {
    List<RecordedEvent> all = new ArrayList<>(events);
    all.add(appended);
    return new ReplayStream(orderId, List.copyOf(all), appended.version(), hash);
  }
}
