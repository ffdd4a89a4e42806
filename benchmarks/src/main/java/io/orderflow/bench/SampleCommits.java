package io.orderflow.bench;

import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.order.LineItem;
import io.orderflow.order.OrderCreated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A realistic commit as the order workflow writes it: one {@code OrderCreated} with three line
 * items, UUIDs for every id, and full metadata. All benchmarks measure this same shape.
 */
public final class SampleCommits {
  public static final Instant OCCURRED_AT = Instant.parse("2026-11-26T10:15:30.123Z");

  private SampleCommits() {}

  public static OrderCreated orderCreated(String orderId) {
    return new OrderCreated(
        orderId,
        "customer-4711",
        "EUR",
        List.of(
            new LineItem("SKU-BOOK-0001", 2, new BigDecimal("12.50")),
            new LineItem("SKU-MUG-0042", 1, new BigDecimal("8.90")),
            new LineItem("SKU-TEA-0815", 3, new BigDecimal("4.25"))));
  }

  /** A commit at {@code expectedVersion + 1}, chained to {@code prevHash}. */
  public static NewCommit commit(String orderId, long expectedVersion, String prevHash) {
    return new NewCommit(
        orderId,
        expectedVersion,
        UUID.randomUUID().toString(),
        prevHash,
        List.of(new NewEvent(UUID.randomUUID().toString(), OCCURRED_AT, orderCreated(orderId))),
        new CommitMetadata(
            UUID.randomUUID().toString(), UUID.randomUUID().toString(), "api", "order-" + orderId));
  }

  /** The first commit of a new order. */
  public static NewCommit firstCommit(String orderId) {
    return commit(orderId, 0, NewCommit.GENESIS_HASH);
  }

  /** The commit as the store would hold it before hashing, for the pure benchmarks. */
  public static StoredCommit stored(NewCommit commit, EventCodec codec) {
    List<StoredEvent> events = new ArrayList<>();
    long version = commit.firstVersion();
    for (NewEvent e : commit.events()) {
      events.add(codec.toStored(version++, e));
    }
    return new StoredCommit(
        commit.orderId(),
        commit.firstVersion(),
        commit.lastVersion(),
        commit.commitId(),
        events,
        commit.metadata(),
        OCCURRED_AT,
        commit.prevHash(),
        "",
        true);
  }
}
