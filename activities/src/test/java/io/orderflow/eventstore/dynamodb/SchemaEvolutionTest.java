package io.orderflow.eventstore.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.order.Order;
import io.orderflow.order.OrderCreated;
import io.orderflow.testing.StoreFixture;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Events stored with a deprecated schema version stay readable through the upcaster chain. */
class SchemaEvolutionTest {
  private static final StoreFixture fixture = new StoreFixture();
  private final DynamoDbEventStore store = fixture.store();

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void givenStoredV1OrderCreated_whenRead_thenUpcastToV2WithTheEuroOfItsTime() {
    StoredCommit v1 = StoredFixtures.read("/fixtures/order-created-v1-commit.json");
    StoredFixtures.write(fixture.dynamo, fixture.tables, v1);

    StoredEvent stored = store.readEvents("legacy-order-0001").get(0);
    OrderCreated created = (OrderCreated) store.codec().decode(stored).event();

    assertThat(stored.schemaVersion()).as("kept as written").isEqualTo(1);
    assertThat(stored.data()).doesNotContain("currency");
    assertThat(created.currency()).isEqualTo("EUR");
    assertThat(created.items().get(0).unitPrice()).isEqualByComparingTo("7.90");
  }

  @Test
  void givenStoredV1Commit_thenItsHashChainIsStillIntact() {
    StoredCommit v1 = StoredFixtures.read("/fixtures/order-created-v1-commit.json");
    StoredFixtures.write(fixture.dynamo, fixture.tables, v1);

    assertThat(store.verify("legacy-order-0001")).isEmpty();
  }

  @Test
  void givenStoredV1Order_whenFolded_thenTotalIsInEuros() {
    StoredFixtures.write(
        fixture.dynamo,
        fixture.tables,
        StoredFixtures.read("/fixtures/order-created-v1-commit.json"));

    Order order =
        Order.fold(
            "legacy-order-0001",
            store.readEvents("legacy-order-0001").stream().map(store.codec()::decode).toList());

    assertThat(order.currency()).isEqualTo("EUR");
    assertThat(order.total()).isEqualByComparingTo(new BigDecimal("23.70"));
  }
}
