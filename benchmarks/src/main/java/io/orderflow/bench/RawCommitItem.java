package io.orderflow.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The baseline's item: a copy of an item orderflow really wrote, with its ids swapped for fresh
 * ones of the same length. Same attributes, same nesting, same byte size, so the raw put differs
 * from orderflow's only in the work orderflow does around it.
 */
final class RawCommitItem {
  private final Map<String, AttributeValue> template;
  private final String orderId;
  private final String commitId;
  private final String eventId;

  RawCommitItem(Map<String, AttributeValue> written) {
    this.template = Map.copyOf(written);
    this.orderId = written.get("orderId").s();
    this.commitId = written.get("commitId").s();
    this.eventId = written.get("events").l().get(0).m().get("eventId").s();
  }

  /** The template for a new order {@code newOrderId}, with a fresh commit id and event id. */
  Map<String, AttributeValue> forOrder(String newOrderId) {
    Map<String, String> swaps =
        Map.of(
            orderId, newOrderId,
            commitId, UUID.randomUUID().toString(),
            eventId, UUID.randomUUID().toString());
    return swapMap(template, swaps);
  }

  private static Map<String, AttributeValue> swapMap(
      Map<String, AttributeValue> in, Map<String, String> swaps) {
    Map<String, AttributeValue> out = new HashMap<>(in.size() * 2);
    in.forEach((k, v) -> out.put(k, swap(v, swaps)));
    return out;
  }

  private static AttributeValue swap(AttributeValue v, Map<String, String> swaps) {
    if (v.s() != null) {
      String s = v.s();
      for (Map.Entry<String, String> e : swaps.entrySet()) {
        s = s.replace(e.getKey(), e.getValue());
      }
      return AttributeValue.fromS(s);
    }
    if (v.hasL()) {
      List<AttributeValue> list = v.l().stream().map(e -> swap(e, swaps)).toList();
      return AttributeValue.fromL(list);
    }
    if (v.hasM()) {
      return AttributeValue.fromM(swapMap(v.m(), swaps));
    }
    return v;
  }

  /**
   * DynamoDB's item size rule: attribute names plus values, strings as UTF-8, numbers by digits;
   * close enough to show that both variants write the same bytes.
   */
  static long size(Map<String, AttributeValue> item) {
    long bytes = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      bytes += utf8(e.getKey()) + size(e.getValue());
    }
    return bytes;
  }

  private static long size(AttributeValue v) {
    if (v.s() != null) {
      return utf8(v.s());
    }
    if (v.n() != null) {
      return v.n().length();
    }
    if (v.hasSs()) {
      return v.ss().stream().mapToLong(RawCommitItem::utf8).sum();
    }
    if (v.hasL()) {
      return 3 + v.l().stream().mapToLong(e -> 1 + size(e)).sum();
    }
    if (v.hasM()) {
      return 3 + size(v.m()) + v.m().size();
    }
    return 1;
  }

  private static long utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }
}
