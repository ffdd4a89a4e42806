package io.orderflow.archive;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Splits one stream batch into archive objects: one per table and hour, lines in stream order. */
final class ArchiveBatch {

  /** One S3 object to write: its key and its JSON lines. */
  record ArchiveObject(String key, List<String> lines) {

    byte[] gzipped() {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
        for (String line : lines) {
          gzip.write(line.getBytes(StandardCharsets.UTF_8));
          gzip.write('\n');
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }
  }

  private ArchiveBatch() {}

  /**
   * @param fallbackTime used for a record without an approximate creation time (none is expected
   *     from DynamoDB Streams, but a missing one must not lose the record)
   */
  static List<ArchiveObject> of(
      List<DynamodbStreamRecord> records, String prefix, Instant fallbackTime) {
    Map<String, List<DynamodbStreamRecord>> byPartition = new LinkedHashMap<>();
    for (DynamodbStreamRecord r : records) {
      String partition =
          ArchiveKeys.partition(
              prefix, ArchiveKeys.tableOf(r.getEventSourceARN()), timeOf(r, fallbackTime));
      byPartition.computeIfAbsent(partition, p -> new ArrayList<>()).add(r);
    }
    List<ArchiveObject> objects = new ArrayList<>();
    byPartition.forEach(
        (partition, group) -> {
          String first = group.get(0).getDynamodb().getSequenceNumber();
          String last = group.get(group.size() - 1).getDynamodb().getSequenceNumber();
          List<String> lines =
              group.stream()
                  .map(r -> StreamRecordLine.of(r.getDynamodb(), timeOf(r, fallbackTime)))
                  .toList();
          objects.add(new ArchiveObject(ArchiveKeys.object(partition, first, last), lines));
        });
    return objects;
  }

  private static Instant timeOf(DynamodbStreamRecord r, Instant fallbackTime) {
    var created = r.getDynamodb().getApproximateCreationDateTime();
    return created == null ? fallbackTime : created.toInstant();
  }
}
