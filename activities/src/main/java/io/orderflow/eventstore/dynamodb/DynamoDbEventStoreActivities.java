package io.orderflow.eventstore.dynamodb;

import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.eventstore.NewCommit;
import io.temporal.failure.ApplicationFailure;

/** The append activity: the store's typed failures become non-retryable Temporal failures. */
public final class DynamoDbEventStoreActivities implements EventStoreActivities {
  private final DynamoDbEventStore store;

  public DynamoDbEventStoreActivities(DynamoDbEventStore store) {
    this.store = store;
  }

  @Override
  public AppendResult appendCommit(NewCommit commit) {
    try {
      return store.append(commit);
    } catch (ConcurrencyConflict e) {
      throw ApplicationFailure.newNonRetryableFailure(
          e.getMessage(), CONCURRENCY_CONFLICT, e.expectedVersion(), e.actualVersion());
    } catch (InvalidCommit e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID_COMMIT);
    }
  }
}
