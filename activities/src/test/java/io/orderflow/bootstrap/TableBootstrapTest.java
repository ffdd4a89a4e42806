package io.orderflow.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.testing.LocalAws;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class TableBootstrapTest {
  private static final DynamoDbClient dynamo = LocalAws.endpoints().dynamoDbClient();
  private final TableNames tables = LocalAws.freshTables();
  private final TableBootstrap bootstrap = new TableBootstrap(dynamo);

  @AfterAll
  static void close() {
    dynamo.close();
  }

  @Test
  void givenEmptyServer_whenBootstrap_thenEveryTableIsCreatedWithItsIndexes() {
    List<String> created = bootstrap.createMissing(tables);

    assertThat(created)
        .containsExactlyInAnyOrder(
            tables.events(),
            tables.snapshots(),
            tables.projections(),
            tables.operations(),
            tables.control(),
            tables.quarantine(),
            tables.revenue());
    assertThat(keys(describe(tables.quarantine()).keySchema()))
        .containsExactly("orderId:HASH", "quarantineKey:RANGE");
    TableDescription events = describe(tables.events());
    assertThat(keys(events.keySchema())).containsExactly("orderId:HASH", "version:RANGE");
    assertThat(events.globalSecondaryIndexes())
        .extracting(GlobalSecondaryIndexDescription::indexName)
        .containsExactlyInAnyOrder("unpublished-index", "by-time");
    assertThat(describe(tables.projections()).globalSecondaryIndexes())
        .extracting(GlobalSecondaryIndexDescription::indexName)
        .containsExactlyInAnyOrder("by-status", "by-customer");
    assertThat(keys(describe(tables.snapshots()).keySchema()))
        .containsExactly("orderId:HASH", "version:RANGE");
    TableDescription revenue = describe(tables.revenue());
    assertThat(keys(revenue.keySchema())).containsExactly("dayCurrency:HASH", "orderId:RANGE");
    assertThat(revenue.globalSecondaryIndexes())
        .extracting(GlobalSecondaryIndexDescription::indexName)
        .containsExactly("by-day");
  }

  @Test
  void givenBootstrappedServer_whenBootstrapAgain_thenNothingIsCreatedOrChanged() {
    bootstrap.createMissing(tables);
    TableDescription before = describe(tables.events());

    List<String> createdAgain = bootstrap.createMissing(tables);

    assertThat(createdAgain).isEmpty();
    TableDescription after = describe(tables.events());
    assertThat(after.creationDateTime()).isEqualTo(before.creationDateTime());
    assertThat(after.globalSecondaryIndexes()).isEqualTo(before.globalSecondaryIndexes());
  }

  private static TableDescription describe(String table) {
    return dynamo.describeTable(r -> r.tableName(table)).table();
  }

  private static List<String> keys(List<KeySchemaElement> schema) {
    return schema.stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList();
  }
}
