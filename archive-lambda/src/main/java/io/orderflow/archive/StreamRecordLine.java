package io.orderflow.archive;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.time.Instant;

/**
 * One stream record as one line of DynamoDB's incremental-export format: {@code
 * {"Metadata":{"WriteTimestampMicros":{"N":"..."}},"Keys":{...},"NewImage":{...}}}. A removal has
 * no {@code NewImage}, exactly as in an incremental export, so the archive can be read back by the
 * same tools.
 */
final class StreamRecordLine {

  private StreamRecordLine() {}

  static String of(StreamRecord record, Instant writtenAt) {
    StringBuilder out = new StringBuilder(256);
    long micros =
        Math.addExact(
            Math.multiplyExact(writtenAt.getEpochSecond(), 1_000_000L),
            writtenAt.getNano() / 1_000L);
    out.append("{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"").append(micros).append("\"}}");
    out.append(",\"Keys\":");
    DynamoDbJson.appendItem(out, record.getKeys());
    if (record.getNewImage() != null) {
      out.append(",\"NewImage\":");
      DynamoDbJson.appendItem(out, record.getNewImage());
    }
    return out.append('}').toString();
  }
}
