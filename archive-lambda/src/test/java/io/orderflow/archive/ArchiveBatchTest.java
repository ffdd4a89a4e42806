package io.orderflow.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ArchiveBatchTest {

  @Test
  void givenRecordsAcrossAnHourBoundary_whenBatched_thenOneObjectPerHourInStreamOrder() {
    List<ArchiveBatch.ArchiveObject> objects =
        ArchiveBatch.of(
            List.of(
                Records.commit("o-1", 1, "100", Instant.parse("2026-01-02T07:59:58Z")),
                Records.commit("o-2", 1, "101", Instant.parse("2026-01-02T07:59:59Z")),
                Records.commit("o-1", 2, "102", Instant.parse("2026-01-02T08:00:00Z"))),
            "stream-archive/",
            Instant.EPOCH);

    assertEquals(
        List.of(
            "stream-archive/order_events/dt=2026-01-02/hour=07/100-101.json.gz",
            "stream-archive/order_events/dt=2026-01-02/hour=08/102-102.json.gz"),
        objects.stream().map(ArchiveBatch.ArchiveObject::key).toList());
    assertEquals(2, objects.get(0).lines().size());
    assertEquals(1, objects.get(1).lines().size());
  }

  @Test
  void givenRecordWithoutCreationTime_whenBatched_thenFiledUnderTheFallbackTime() {
    var record = Records.commit("o-1", 1, "100", Instant.EPOCH);
    record.getDynamodb().setApproximateCreationDateTime(null);

    var objects = ArchiveBatch.of(List.of(record), "p/", Instant.parse("2026-05-06T10:00:00Z"));

    assertEquals("p/order_events/dt=2026-05-06/hour=10/100-100.json.gz", objects.get(0).key());
  }

  @Test
  void givenObject_whenGzipped_thenTheLinesComeBackOnePerLine() throws IOException {
    var object = new ArchiveBatch.ArchiveObject("k", List.of("{\"a\":1}", "{\"ü\":2}"));

    try (var reader =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(object.gzipped())),
                StandardCharsets.UTF_8))) {
      assertEquals(List.of("{\"a\":1}", "{\"ü\":2}"), reader.lines().toList());
    }
  }
}
