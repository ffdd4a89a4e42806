package io.orderflow.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamRecordLineTest {

  private static final Instant AT = Instant.parse("2026-01-02T07:08:09Z");

  @Test
  void givenInsert_whenLine_thenIncrementalExportLineWithSortedAttributes() {
    StreamRecord record = Records.commit("o-1", 3, "100", AT).getDynamodb();

    assertEquals(
        "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1767337689000000\"}},"
            + "\"Keys\":{\"orderId\":{\"S\":\"o-1\"},\"version\":{\"N\":\"3\"}},"
            + "\"NewImage\":{\"commitId\":{\"S\":\"c-3\"},\"orderId\":{\"S\":\"o-1\"},"
            + "\"version\":{\"N\":\"3\"}}}",
        StreamRecordLine.of(record, AT));
  }

  @Test
  void givenRemove_whenLine_thenKeysWithoutNewImage() {
    StreamRecord record = Records.commit("o-1", 3, "100", AT).getDynamodb().withNewImage(null);

    assertEquals(
        "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1767337689000000\"}},"
            + "\"Keys\":{\"orderId\":{\"S\":\"o-1\"},\"version\":{\"N\":\"3\"}}}",
        StreamRecordLine.of(record, AT));
  }

  @Test
  void givenEveryAttributeType_whenLine_thenEachKeepsItsDynamoDbType() {
    Map<String, AttributeValue> event = new LinkedHashMap<>();
    event.put("type", new AttributeValue().withS("order-created"));
    event.put("ok", new AttributeValue().withBOOL(true));
    AttributeValue nothing = new AttributeValue();
    nothing.setNULL(true);
    Map<String, AttributeValue> image = new LinkedHashMap<>();
    image.put("b", new AttributeValue().withB(bytes("hi")));
    image.put("bs", new AttributeValue().withBS(bytes("a")));
    image.put("events", new AttributeValue().withL(new AttributeValue().withM(event)));
    image.put("n", new AttributeValue().withN("12.50"));
    image.put("none", nothing);
    image.put("ns", new AttributeValue().withNS("1", "2"));
    image.put("ss", new AttributeValue().withSS("x"));
    StreamRecord record =
        new StreamRecord()
            .withKeys(Map.of("orderId", new AttributeValue().withS("o-1")))
            .withNewImage(image);

    String line = StreamRecordLine.of(record, AT);

    assertEquals(
        "\"NewImage\":{\"b\":{\"B\":\"aGk=\"},\"bs\":{\"BS\":[\"YQ==\"]},"
            + "\"events\":{\"L\":[{\"M\":{\"ok\":{\"BOOL\":true},\"type\":{\"S\":\"order-created\"}}}]},"
            + "\"n\":{\"N\":\"12.50\"},\"none\":{\"NULL\":true},\"ns\":{\"NS\":[\"1\",\"2\"]},"
            + "\"ss\":{\"SS\":[\"x\"]}}}",
        line.substring(line.indexOf("\"NewImage\"")));
  }

  @Test
  void givenTextNeedingEscapes_whenLine_thenValidJsonStringOnOneLine() {
    StreamRecord record =
        new StreamRecord()
            .withKeys(
                Map.of("orderId", new AttributeValue().withS("quote\" slash\\ nl\n tab\t \u0001")));

    String line = StreamRecordLine.of(record, AT);

    assertEquals(
        "\"Keys\":{\"orderId\":{\"S\":\"quote\\\" slash\\\\ nl\\n tab\\t \\u0001\"}}}",
        line.substring(line.indexOf("\"Keys\"")));
  }

  @Test
  void givenBinaryValue_whenLine_thenTheCallersBufferIsNotConsumed() {
    ByteBuffer buffer = bytes("hi");
    StreamRecord record =
        new StreamRecord().withKeys(Map.of("orderId", new AttributeValue().withB(buffer)));

    StreamRecordLine.of(record, AT);

    assertEquals(2, buffer.remaining());
  }

  @Test
  void givenValueWithoutType_whenLine_thenRejected() {
    StreamRecord record = new StreamRecord().withKeys(Map.of("orderId", new AttributeValue()));

    assertThrows(IllegalArgumentException.class, () -> StreamRecordLine.of(record, AT));
  }

  private static ByteBuffer bytes(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }
}
