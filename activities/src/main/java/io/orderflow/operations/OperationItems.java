package io.orderflow.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The item layout of {@code orderflow_operations}; parameters and result are JSON strings. */
final class OperationItems {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OperationItems() {}

  static AttributeValue json(Map<String, Object> value) {
    try {
      return AttributeValue.fromS(JSON.writeValueAsString(value == null ? Map.of() : value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serializable as JSON", e);
    }
  }

  static OperationRecord read(Map<String, AttributeValue> item) {
    return new OperationRecord(
        s(item, "operationId"),
        s(item, "kind"),
        s(item, "status"),
        s(item, "phase"),
        n(item, "done"),
        n(item, "total"),
        s(item, "startedAt"),
        s(item, "finishedAt"),
        s(item, "startedBy"),
        map(s(item, "parameters")),
        map(s(item, "result")),
        s(item, "error"),
        s(item, "workflowId"),
        s(item, "runId"));
  }

  private static String s(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static long n(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? 0 : Long.parseLong(value.n());
  }

  private static Map<String, Object> map(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      return Map.of("unreadable", json);
    }
  }
}
