package io.orderflow.eventstore.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.eventstore.NewCommit;
import io.orderflow.testing.Commits;
import io.orderflow.testing.StoreFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ConcurrentWritersTest {
  private static final StoreFixture fixture = new StoreFixture();
  private static final int WRITERS = 16;
  private static final Duration HAMMERING = Duration.ofSeconds(4);

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void given16WritersOnOneOrder_thenEverySuccessIsInTheStreamOnceAndEveryLoserGotAConflict()
      throws Exception {
    DynamoDbEventStore store = fixture.store();
    String orderId = UUID.randomUUID().toString();
    ConcurrentLinkedQueue<String> appendedEventIds = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    AtomicInteger conflicts = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    long deadline = System.nanoTime() + HAMMERING.toNanos();

    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    for (int i = 0; i < WRITERS; i++) {
      writers.submit(
          () -> {
            start.await();
            while (System.nanoTime() < deadline) {
              NewCommit commit = nextCommit(store, orderId);
              try {
                store.append(commit);
                appendedEventIds.add(commit.events().get(0).eventId());
              } catch (ConcurrencyConflict expected) {
                conflicts.incrementAndGet();
              } catch (RuntimeException e) {
                unexpected.add(e);
              }
            }
            return null;
          });
    }
    start.countDown();
    writers.shutdown();
    assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    List<StoredEvent> stream = store.readEvents(orderId);
    assertThat(unexpected).isEmpty();
    assertThat(conflicts.get()).as("losers").isPositive();
    assertThat(stream).extracting(StoredEvent::eventId).doesNotHaveDuplicates();
    assertThat(stream)
        .extracting(StoredEvent::eventId)
        .containsExactlyInAnyOrderElementsOf(new ArrayList<>(appendedEventIds));
    for (int i = 0; i < stream.size(); i++) {
      assertThat(stream.get(i).version()).isEqualTo(i + 1);
    }
    assertThat(store.verify(orderId)).isEmpty();
  }

  private static NewCommit nextCommit(DynamoDbEventStore store, String orderId) {
    Optional<StoredCommit> head = store.head(orderId);
    NewCommit first = Commits.orderCreated(orderId);
    if (head.isEmpty()) {
      return first;
    }
    return new NewCommit(
        orderId,
        head.get().lastVersion(),
        UUID.randomUUID().toString(),
        head.get().hash(),
        first.events(),
        first.metadata());
  }
}
