package io.orderflow.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArchiveKeysTest {

  private static final String STREAM_ARN =
      "arn:aws:dynamodb:eu-west-1:123456789012:table/order_events/stream/2026-01-01T00:00:00.000";

  @Test
  void givenStreamArn_whenTableOf_thenTheTableName() {
    assertEquals("order_events", ArchiveKeys.tableOf(STREAM_ARN));
  }

  @Test
  void givenNoArn_whenTableOf_thenAVisiblePlaceholder() {
    assertEquals("unknown-table", ArchiveKeys.tableOf(null));
    assertEquals("unknown-table", ArchiveKeys.tableOf("not-an-arn"));
  }

  @Test
  void givenTimeJustBeforeMidnightUtc_whenPartition_thenThatDayAndHourInUtc() {
    Instant time = Instant.parse("2026-03-31T23:59:59.999Z");
    assertEquals(
        "stream-archive/order_events/dt=2026-03-31/hour=23/",
        ArchiveKeys.partition("stream-archive/", "order_events", time));
  }

  @Test
  void givenPartitionAndSequenceNumbers_whenObject_thenNamedAfterTheRecordsItHolds() {
    assertEquals(
        "a/order_events/dt=2026-01-02/hour=07/100-205.json.gz",
        ArchiveKeys.object("a/order_events/dt=2026-01-02/hour=07/", "100", "205"));
  }
}
