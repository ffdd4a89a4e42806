package io.orderflow.eventstore.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testing.Commits;
import io.orderflow.testing.MutableClock;
import io.orderflow.testing.StoreFixture;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The sparse {@code unpublished-index}: three orders committed at 10:00, 10:00:00.5 and 10:01; the
 * middle one has been published. Each test gets fresh tables, so the index holds only these.
 */
class UnpublishedIndexTest {
  private static final Instant FIRST = Instant.parse("2026-11-26T10:00:00Z");
  private static final Instant SECOND = Instant.parse("2026-11-26T10:00:00.5Z");
  private static final Instant THIRD = Instant.parse("2026-11-26T10:01:00Z");

  private final StoreFixture fixture = new StoreFixture();
  private final MutableClock clock = new MutableClock(FIRST);
  private final DynamoDbEventStore store = fixture.store(clock);
  private final UnpublishedIndex index = new UnpublishedIndex(fixture.dynamo, fixture.tables);
  private final String first = "first-" + UUID.randomUUID();
  private final String second = "second-" + UUID.randomUUID();
  private final String third = "third-" + UUID.randomUUID();

  @BeforeEach
  void threeCommitsTheMiddleOnePublished() {
    appendAt(first, FIRST);
    appendAt(second, SECOND);
    appendAt(third, THIRD);
    store.markPublished(second, 1);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  @DisplayName("the index lists the commits not yet published, oldest first")
  void givenMiddleCommitPublished_whenOldest_thenTheOtherTwoOldestFirst() {
    assertThat(index.oldest(10))
        .containsExactly(
            new UnpublishedCommit(first, 1, FIRST), new UnpublishedCommit(third, 1, THIRD));
  }

  @Test
  @DisplayName("asking for one lists only the oldest unpublished commit")
  void givenTwoUnpublishedCommits_whenOldestOne_thenOnlyTheOldest() {
    assertThat(index.oldest(1)).containsExactly(new UnpublishedCommit(first, 1, FIRST));
  }

  @Test
  @DisplayName("once every commit is published the index is empty")
  void givenEveryCommitPublished_whenOldest_thenNothing() {
    store.markPublished(first, 1);
    store.markPublished(third, 1);

    assertThat(index.oldest(10)).isEmpty();
  }

  private void appendAt(String orderId, Instant committedAt) {
    clock.set(committedAt);
    store.append(Commits.orderCreated(orderId));
  }
}
