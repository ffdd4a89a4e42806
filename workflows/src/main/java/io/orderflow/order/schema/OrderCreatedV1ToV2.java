package io.orderflow.order.schema;

import io.orderflow.order.OrderCreated;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code order-created} v1 predates multi-currency: every order of that time was priced in euros,
 * the shop's only currency then. v2 makes the currency explicit.
 */
final class OrderCreatedV1ToV2 implements Upcaster {
  static final String V1_CURRENCY = "EUR";

  @Override
  public String type() {
    return OrderCreated.TYPE;
  }

  @Override
  public int fromVersion() {
    return 1;
  }

  @Override
  public Map<String, Object> upcast(Map<String, Object> payload) {
    Map<String, Object> v2 = new LinkedHashMap<>(payload);
    v2.putIfAbsent("currency", V1_CURRENCY);
    return v2;
  }
}
