package io.orderflow.bootstrap;

import io.orderflow.eventstore.dynamodb.TableNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates the tables of docs/data-model.md that do not exist yet, with every index declared at
 * creation (dynalite cannot add one later), and waits until each is active. Returns the names it
 * created, so a second run reports none.
 */
public final class TableBootstrap {
  private final DynamoDbClient dynamo;

  public TableBootstrap(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  public List<String> createMissing(TableNames names) {
    Set<String> existing = Set.copyOf(dynamo.listTablesPaginator().tableNames().stream().toList());
    List<String> created = new ArrayList<>();
    for (CreateTableRequest table : definitions(names)) {
      if (existing.contains(table.tableName())) {
        continue;
      }
      try {
        dynamo.createTable(table);
        created.add(table.tableName());
      } catch (ResourceInUseException raced) {
        // another instance created it between the listing and the create: that is the goal
      }
    }
    for (CreateTableRequest table : definitions(names)) {
      dynamo.waiter().waitUntilTableExists(r -> r.tableName(table.tableName()));
    }
    return created;
  }

  /**
   * Creates one table from a definition unless it exists, and waits until it is active. For the
   * copies a restore writes into.
   */
  public void create(CreateTableRequest table) {
    try {
      dynamo.createTable(table);
    } catch (ResourceInUseException exists) {
      // a retry after the create went through, or another instance: the table is there
    }
    dynamo.waiter().waitUntilTableExists(r -> r.tableName(table.tableName()));
  }

  /** An events table: commits keyed by order and first version, with both GSIs. */
  public static CreateTableRequest eventsTable(String name) {
    return table(name, "orderId", "version")
        .attributeDefinitions(
            attr("orderId", ScalarAttributeType.S),
            attr("version", ScalarAttributeType.N),
            attr("unpublished", ScalarAttributeType.S),
            attr("timeBucket", ScalarAttributeType.S),
            attr("timeKey", ScalarAttributeType.S))
        .globalSecondaryIndexes(
            index("unpublished-index", "unpublished", "timeKey"),
            index("by-time", "timeBucket", "timeKey"))
        .build();
  }

  /** A snapshots table: folded states keyed by order and version. */
  public static CreateTableRequest snapshotsTable(String name) {
    return table(name, "orderId", "version")
        .attributeDefinitions(
            attr("orderId", ScalarAttributeType.S), attr("version", ScalarAttributeType.N))
        .build();
  }

  /**
   * An order-summary table (the configured one, or a generation a rebuild fills): one row per
   * order, with the indexes the order lists query.
   */
  public static CreateTableRequest projectionsTable(String name) {
    return table(name, "orderId", null)
        .attributeDefinitions(
            attr("orderId", ScalarAttributeType.S),
            attr("status", ScalarAttributeType.S),
            attr("customerId", ScalarAttributeType.S),
            attr("updatedAt", ScalarAttributeType.S))
        .globalSecondaryIndexes(
            index("by-status", "status", "updatedAt"),
            index("by-customer", "customerId", "updatedAt"))
        .build();
  }

  /**
   * A revenue table: one row per paid order under {@code day#currency}, and an index by day that
   * sums a day over every currency.
   */
  public static CreateTableRequest revenueTable(String name) {
    return table(name, "dayCurrency", "orderId")
        .attributeDefinitions(
            attr("dayCurrency", ScalarAttributeType.S),
            attr("orderId", ScalarAttributeType.S),
            attr("day", ScalarAttributeType.S))
        .globalSecondaryIndexes(index("by-day", "day", "orderId"))
        .build();
  }

  static List<CreateTableRequest> definitions(TableNames names) {
    return List.of(
        eventsTable(names.events()),
        snapshotsTable(names.snapshots()),
        projectionsTable(names.projections()),
        table(names.operations(), "operationId", null)
            .attributeDefinitions(attr("operationId", ScalarAttributeType.S))
            .build(),
        table(names.control(), "key", null)
            .attributeDefinitions(attr("key", ScalarAttributeType.S))
            .build(),
        table(names.quarantine(), "orderId", "quarantineKey")
            .attributeDefinitions(
                attr("orderId", ScalarAttributeType.S),
                attr("quarantineKey", ScalarAttributeType.S))
            .build(),
        revenueTable(names.revenue()));
  }

  private static CreateTableRequest.Builder table(String name, String hash, String range) {
    List<KeySchemaElement> keys = new ArrayList<>();
    keys.add(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build());
    if (range != null) {
      keys.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
    }
    return CreateTableRequest.builder()
        .tableName(name)
        .keySchema(keys)
        .billingMode(BillingMode.PAY_PER_REQUEST);
  }

  private static GlobalSecondaryIndex index(String name, String hash, String range) {
    return GlobalSecondaryIndex.builder()
        .indexName(name)
        .keySchema(
            KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build())
        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
        .build();
  }

  private static AttributeDefinition attr(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }
}
