package io.orderflow.bench;

import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.eventstore.dynamodb.TableNames;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Fresh, prefixed tables for one run, created like production's and deleted afterwards. */
final class BenchTables implements AutoCloseable {
  private final DynamoDbClient dynamo;
  private final TableNames names;

  BenchTables(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
    this.names =
        TableNames.defaults()
            .prefixed("bench" + UUID.randomUUID().toString().substring(0, 8) + "_");
    new TableBootstrap(dynamo).createMissing(names);
  }

  TableNames names() {
    return names;
  }

  @Override
  public void close() {
    for (String table :
        List.of(
            names.events(),
            names.snapshots(),
            names.projections(),
            names.operations(),
            names.control(),
            names.quarantine(),
            names.revenue())) {
      try {
        // dropping a table of a large run takes dynalite longer than the client's 5 s call timeout
        dynamo.deleteTable(
            r ->
                r.tableName(table)
                    .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMinutes(5))));
      } catch (ResourceNotFoundException alreadyGone) {
        // nothing to clean up
      }
    }
  }
}
