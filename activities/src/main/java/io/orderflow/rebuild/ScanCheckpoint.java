package io.orderflow.rebuild;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a segment's rebuild stands, as it heartbeats after every page: the scan's last evaluated
 * key (the events table's key, an order id and a version) and the counts so far. Everything the
 * scan read up to that key is written. Public for the heartbeat's JSON.
 *
 * @param lastOrderId the order of the last item read; null before the first page
 */
public record ScanCheckpoint(
    String lastOrderId,
    long lastVersion,
    long commits,
    long events,
    long orders,
    long rows,
    long unfoldable,
    List<String> problems) {

  static final ScanCheckpoint START = new ScanCheckpoint(null, 0, 0, 0, 0, 0, 0, List.of());

  public ScanCheckpoint {
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  boolean started() {
    return lastOrderId != null;
  }

  /** The scan's ExclusiveStartKey to go on from; null at the start. */
  Map<String, AttributeValue> startKey() {
    return started()
        ? Map.of(
            "orderId",
            AttributeValue.fromS(lastOrderId),
            "version",
            AttributeValue.fromN(Long.toString(lastVersion)))
        : null;
  }
}
