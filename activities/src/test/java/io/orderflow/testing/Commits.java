package io.orderflow.testing;

import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.order.LineItem;
import io.orderflow.order.OrderCreated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Commits as the order workflow would build them. */
public final class Commits {
  private Commits() {}

  public static NewCommit orderCreated(String orderId) {
    return orderCreated(orderId, UUID.randomUUID().toString());
  }

  public static NewCommit orderCreated(String orderId, String commitId) {
    return new NewCommit(
        orderId,
        0,
        commitId,
        NewCommit.GENESIS_HASH,
        List.of(
            new NewEvent(
                UUID.randomUUID().toString(),
                Instant.parse("2026-11-26T10:15:30.123Z"),
                new OrderCreated(
                    orderId,
                    "customer-1",
                    "EUR",
                    List.of(new LineItem("SKU-1", 2, new BigDecimal("12.50")))))),
        new CommitMetadata("corr-1", "cause-1", "test", "order-" + orderId));
  }

  /** The same events, at the next version, chained to {@code prevHash}. */
  public static NewCommit next(NewCommit previous, String prevHash) {
    return new NewCommit(
        previous.orderId(),
        previous.lastVersion(),
        UUID.randomUUID().toString(),
        prevHash,
        previous.events().stream()
            .map(e -> new NewEvent(UUID.randomUUID().toString(), e.occurredAt(), e.event()))
            .toList(),
        previous.metadata());
  }
}
