package io.orderflow.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.orderflow.recovery.replay.OrderChange.FieldChange;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/** Two states of one order compared field by field, as the operator reads them in a report. */
final class FieldDiff {
  // Instants as ISO text, as the API shows them
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private FieldDiff() {}

  static List<FieldChange> between(String where, Object stored, Object folded) {
    JsonNode a = JSON.valueToTree(stored);
    JsonNode b = JSON.valueToTree(folded);
    TreeSet<String> names = new TreeSet<>();
    a.fieldNames().forEachRemaining(names::add);
    for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    List<FieldChange> changes = new ArrayList<>();
    for (String name : names) {
      JsonNode x = a.get(name);
      JsonNode y = b.get(name);
      if (!same(x, y)) {
        changes.add(new FieldChange(where, name, text(x), text(y)));
      }
    }
    return changes;
  }

  private static boolean same(JsonNode x, JsonNode y) {
    if (x == null || x.isNull()) {
      return y == null || y.isNull();
    }
    if (y == null || y.isNull()) {
      return false;
    }
    if (x.isNumber() && y.isNumber()) {
      return x.decimalValue().compareTo(y.decimalValue()) == 0;
    }
    return x.equals(y);
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
