package io.orderflow.orderrecovery;

import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.UnreadableEvent;
import io.orderflow.order.OrderInvariants;
import io.orderflow.order.RecordedEvent;
import java.util.ArrayList;
import java.util.List;

/** Folds commits with today's code, the business rules checked on the way. */
final class OrderFold {
  private final EventCodec codec;

  OrderFold(EventCodec codec) {
    this.codec = codec;
  }

  /**
   * @param failureType the non-retryable failure an event today's code cannot read becomes
   * @param source what the commits are, for the operator's message
   */
  OrderInvariants.Checked check(
      String orderId, List<StoredCommit> commits, String failureType, String source) {
    List<RecordedEvent> events = new ArrayList<>();
    for (StoredCommit commit : commits) {
      for (var stored : commit.events()) {
        try {
          events.add(codec.decode(stored));
        } catch (UnreadableEvent e) {
          throw Failures.of(failureType, source + " of order " + orderId + ": " + e.getMessage());
        }
      }
    }
    return OrderInvariants.check(orderId, events);
  }
}
