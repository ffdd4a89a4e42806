package io.orderflow.order.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.eventstore.NewCommit;
import io.orderflow.order.workflow.InMemoryEventStore.StoredCommit;
import io.temporal.failure.ApplicationFailure;
import java.util.List;

/** What the order workflow specifications check of a stored stream and of a refusal. */
final class OrderStreamAssertions {
  private OrderStreamAssertions() {}

  /**
   * The commits hold versions 1 to {@code versions} with no gap and no overlap, each chained to the
   * hash of the one before it.
   */
  static void assertContiguousChain(List<StoredCommit> commits, int versions) {
    assertThat(commits).hasSize(versions);
    String prevHash = NewCommit.GENESIS_HASH;
    long expected = 0;
    for (StoredCommit stored : commits) {
      assertThat(stored.commit().expectedVersion()).isEqualTo(expected);
      assertThat(stored.commit().prevHash()).isEqualTo(prevHash);
      expected = stored.commit().lastVersion();
      prevHash = stored.hash();
    }
    assertThat(expected).isEqualTo(versions);
  }

  /** The refusal a workflow failure carries, wherever it sits in the cause chain. */
  static ApplicationFailure applicationFailureIn(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure failure) {
        return failure;
      }
    }
    throw new AssertionError("no ApplicationFailure in " + e, e);
  }
}
