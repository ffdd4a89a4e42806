package io.orderflow.archive;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes DynamoDB attribute values as DynamoDB JSON ({@code {"S":"..."}}, {@code {"N":"1"}}, ...),
 * the typed form that keeps numbers exact and sets distinct from lists. Map keys are sorted so a
 * record always produces the same bytes.
 */
final class DynamoDbJson {

  private DynamoDbJson() {}

  static void appendItem(StringBuilder out, Map<String, AttributeValue> item) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, AttributeValue> e : new TreeMap<>(item).entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      appendString(out, e.getKey());
      out.append(':');
      appendValue(out, e.getValue());
    }
    out.append('}');
  }

  static void appendValue(StringBuilder out, AttributeValue v) {
    out.append('{');
    if (v.getS() != null) {
      typed(out, "S");
      appendString(out, v.getS());
    } else if (v.getN() != null) {
      typed(out, "N");
      appendString(out, v.getN());
    } else if (v.getB() != null) {
      typed(out, "B");
      appendString(out, base64(v.getB()));
    } else if (v.getSS() != null) {
      typed(out, "SS");
      appendStrings(out, v.getSS());
    } else if (v.getNS() != null) {
      typed(out, "NS");
      appendStrings(out, v.getNS());
    } else if (v.getBS() != null) {
      typed(out, "BS");
      appendStrings(out, v.getBS().stream().map(DynamoDbJson::base64).toList());
    } else if (v.getM() != null) {
      typed(out, "M");
      appendItem(out, v.getM());
    } else if (v.getL() != null) {
      typed(out, "L");
      out.append('[');
      for (int i = 0; i < v.getL().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        appendValue(out, v.getL().get(i));
      }
      out.append(']');
    } else if (v.getBOOL() != null) {
      typed(out, "BOOL");
      out.append(v.getBOOL().booleanValue());
    } else if (Boolean.TRUE.equals(v.getNULL())) {
      typed(out, "NULL");
      out.append("true");
    } else {
      throw new IllegalArgumentException("attribute value without a type: " + v);
    }
    out.append('}');
  }

  static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void typed(StringBuilder out, String type) {
    out.append('"').append(type).append("\":");
  }

  private static void appendStrings(StringBuilder out, List<String> values) {
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendString(out, values.get(i));
    }
    out.append(']');
  }

  private static String base64(ByteBuffer bytes) {
    // duplicate(): reading must not move the caller's buffer position.
    ByteBuffer copy = bytes.duplicate();
    byte[] raw = new byte[copy.remaining()];
    copy.get(raw);
    return Base64.getEncoder().encodeToString(raw);
  }
}
