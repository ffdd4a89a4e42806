package io.orderflow.archive;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stream records as DynamoDB Streams delivers them for order_events commits. */
final class Records {

  static final String STREAM_ARN =
      "arn:aws:dynamodb:eu-west-1:123456789012:table/order_events/stream/2026-01-01T00:00:00.000";

  private Records() {}

  static DynamodbStreamRecord commit(String orderId, int version, String seq, Instant at) {
    Map<String, AttributeValue> keys = new LinkedHashMap<>();
    keys.put("orderId", new AttributeValue().withS(orderId));
    keys.put("version", new AttributeValue().withN(Integer.toString(version)));
    Map<String, AttributeValue> image = new LinkedHashMap<>(keys);
    image.put("commitId", new AttributeValue().withS("c-" + version));
    DynamodbStreamRecord record = new DynamodbStreamRecord();
    record.setEventName("INSERT");
    record.setEventSourceARN(STREAM_ARN);
    record.setDynamodb(
        new StreamRecord()
            .withKeys(keys)
            .withNewImage(image)
            .withSequenceNumber(seq)
            .withApproximateCreationDateTime(Date.from(at)));
    return record;
  }
}
