package io.orderflow.bootstrap;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates and deletes tables several at a time, then waits for all of them with a short poll. The
 * SDK's default waiter sleeps 20 s between looks, which the restore benchmark measured as a quarter
 * of a dry run (docs/performance.md, "Full restore").
 */
public final class TableWaits {
  static final Duration POLL = Duration.ofMillis(250);
  static final int MAX_LOOKS = 4 * 60 * 15; // 15 minutes

  private TableWaits() {}

  /** Creates every table that is not there yet, then waits until all are active. */
  public static void createAll(DynamoDbClient dynamo, List<CreateTableRequest> tables) {
    for (CreateTableRequest table : tables) {
      try {
        dynamo.createTable(table);
      } catch (ResourceInUseException exists) {
        // a retry after the create went through, or another instance: the table is there
      }
    }
    try (DynamoDbWaiter waiter = waiter(dynamo)) {
      for (CreateTableRequest table : tables) {
        waiter.waitUntilTableExists(r -> r.tableName(table.tableName()));
      }
    }
  }

  /** Deletes every table that is still there, then waits until all are gone. */
  public static void deleteAll(DynamoDbClient dynamo, List<String> tables) {
    for (String table : tables) {
      try {
        dynamo.deleteTable(r -> r.tableName(table));
      } catch (ResourceNotFoundException gone) {
        // deleted already
      }
    }
    try (DynamoDbWaiter waiter = waiter(dynamo)) {
      for (String table : tables) {
        waiter.waitUntilTableNotExists(r -> r.tableName(table));
      }
    }
  }

  private static DynamoDbWaiter waiter(DynamoDbClient dynamo) {
    return DynamoDbWaiter.builder()
        .client(dynamo)
        .overrideConfiguration(
            WaiterOverrideConfiguration.builder()
                .backoffStrategy(FixedDelayBackoffStrategy.create(POLL))
                .maxAttempts(MAX_LOOKS)
                .build())
        .build();
  }
}
