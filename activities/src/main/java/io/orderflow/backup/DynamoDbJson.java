package io.orderflow.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB JSON, the typed format of DynamoDB exports: {@code {"S":"x"}}, {@code {"N":"1"}}, binary
 * as base64. Converts AWS SDK items both ways without losing a type or a digit.
 */
public final class DynamoDbJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DynamoDbJson() {}

  /** One export line's body: {@code {"Item":{...}}}. */
  public static String line(Map<String, AttributeValue> item) {
    ObjectNode line = NODES.objectNode();
    line.set("Item", toJson(item));
    return line.toString();
  }

  /** The item of one export line. */
  public static Map<String, AttributeValue> parseLine(String line) {
    return fromJson(read(line).get("Item"));
  }

  public static String write(Map<String, AttributeValue> item) {
    return toJson(item).toString();
  }

  public static Map<String, AttributeValue> parse(String json) {
    return fromJson(read(json));
  }

  public static ObjectNode toJson(Map<String, AttributeValue> item) {
    ObjectNode node = NODES.objectNode();
    item.forEach((name, value) -> node.set(name, toJson(value)));
    return node;
  }

  public static Map<String, AttributeValue> fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a DynamoDB JSON item must be an object");
    }
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    node.properties().forEach(e -> item.put(e.getKey(), value(e.getValue())));
    return item;
  }

  static ObjectNode toJson(AttributeValue value) {
    ObjectNode node = NODES.objectNode();
    switch (value.type()) {
      case S -> node.put("S", value.s());
      case N -> node.put("N", value.n());
      case B -> node.put("B", base64(value.b()));
      case BOOL -> node.put("BOOL", value.bool());
      case NUL -> node.put("NULL", true);
      case L ->
          node.set(
              "L", NODES.arrayNode().addAll(value.l().stream().map(DynamoDbJson::toJson).toList()));
      case M -> node.set("M", toJson(value.m()));
      case SS -> value.ss().forEach(node.putArray("SS")::add);
      case NS -> value.ns().forEach(node.putArray("NS")::add);
      case BS -> value.bs().forEach(b -> node.withArray("BS").add(base64(b)));
      default -> throw new IllegalArgumentException("unknown attribute type " + value.type());
    }
    return node;
  }

  static AttributeValue value(JsonNode node) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    if (!node.isObject() || node.size() != 1) {
      throw new IllegalArgumentException("a DynamoDB JSON value has exactly one type: " + node);
    }
    Map.Entry<String, JsonNode> typed = fields.next();
    JsonNode v = typed.getValue();
    return switch (typed.getKey()) {
      case "S" -> AttributeValue.fromS(v.asText());
      case "N" -> AttributeValue.fromN(v.asText());
      case "B" -> AttributeValue.fromB(bytes(v.asText()));
      case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
      case "NULL" -> AttributeValue.fromNul(true);
      case "L" -> AttributeValue.fromL(list(v, DynamoDbJson::value));
      case "M" -> AttributeValue.fromM(fromJson(v));
      case "SS" -> AttributeValue.fromSs(list(v, JsonNode::asText));
      case "NS" -> AttributeValue.fromNs(list(v, JsonNode::asText));
      case "BS" -> AttributeValue.fromBs(list(v, n -> bytes(n.asText())));
      default -> throw new IllegalArgumentException("unknown attribute type " + typed.getKey());
    };
  }

  private static <T> List<T> list(JsonNode array, java.util.function.Function<JsonNode, T> each) {
    List<T> out = new ArrayList<>();
    array.forEach(n -> out.add(each.apply(n)));
    return out;
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
  }

  private static SdkBytes bytes(String base64) {
    return SdkBytes.fromByteArray(Base64.getDecoder().decode(base64));
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
