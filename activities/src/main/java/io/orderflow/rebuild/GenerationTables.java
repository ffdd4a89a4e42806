package io.orderflow.rebuild;

import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates and deletes generation tables, polling until DynamoDB is done and calling back between
 * polls, so the activity heartbeats: a table with two indexes can take minutes to create, longer
 * than a heartbeat timeout, and the SDK's waiters poll only every 20 s.
 */
final class GenerationTables {
  private static final Duration POLL = Duration.ofMillis(250);

  private final DynamoDbClient dynamo;

  GenerationTables(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  /** Creates the table unless it exists, and returns once it and its indexes are active. */
  void create(CreateTableRequest definition, Runnable beat) {
    try {
      dynamo.createTable(definition);
    } catch (ResourceInUseException exists) {
      // a retry after the create went through: wait for it like the first attempt would have
    }
    while (!active(dynamo.describeTable(r -> r.tableName(definition.tableName())).table())) {
      beat.run();
      pause();
    }
  }

  /** Deletes the table, if there is one, and returns once it is gone. */
  void delete(String table, Runnable beat) {
    try {
      dynamo.deleteTable(r -> r.tableName(table));
    } catch (ResourceNotFoundException gone) {
      return;
    } catch (ResourceInUseException deleting) {
      // being deleted (a retry) or still being created: wait for it to go
    }
    while (true) {
      try {
        dynamo.describeTable(r -> r.tableName(table));
      } catch (ResourceNotFoundException gone) {
        return;
      }
      beat.run();
      pause();
    }
  }

  private static boolean active(TableDescription table) {
    return table.tableStatus() == TableStatus.ACTIVE
        && table.globalSecondaryIndexes().stream()
            .allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE);
  }

  private static void pause() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for DynamoDB", e);
    }
  }
}
