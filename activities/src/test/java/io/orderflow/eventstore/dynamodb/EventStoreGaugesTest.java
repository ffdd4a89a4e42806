package io.orderflow.eventstore.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testing.Commits;
import io.orderflow.testing.StoreFixture;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class EventStoreGaugesTest {
  private static final StoreFixture fixture = new StoreFixture();

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void givenTwoUnpublishedCommitsAndOnePublished_thenLagIsTwoAndSizeIsWhatDynamoDbReports() {
    DynamoDbEventStore store = fixture.store();
    String published = UUID.randomUUID().toString();
    store.append(Commits.orderCreated(published));
    store.markPublished(published, 1);
    store.append(Commits.orderCreated(UUID.randomUUID().toString()));
    store.append(Commits.orderCreated(UUID.randomUUID().toString()));

    new EventStoreGauges(fixture.dynamo, fixture.tables, Clock.systemUTC(), fixture.meters);

    assertThat(fixture.meters.get("orderflow.events.processing.lag").gauge().value()).isEqualTo(2);
    // DynamoDB refreshes these figures about every six hours (dynalite keeps them at 0): the
    // gauges report exactly what DescribeTable says, never a guess.
    var table = fixture.dynamo.describeTable(r -> r.tableName(fixture.tables.events())).table();
    assertThat(fixture.meters.get("orderflow.events.store.items").gauge().value())
        .isEqualTo(table.itemCount().doubleValue());
    assertThat(fixture.meters.get("orderflow.events.store.bytes").gauge().value())
        .isEqualTo(table.tableSizeBytes().doubleValue());
  }
}
