package io.orderflow.api.problem;

import java.util.List;
import tools.jackson.core.JacksonException;

/** Names the field a JSON error is about, in the notation clients use: {@code items[0].sku}. */
final class JsonPaths {
  private JsonPaths() {}

  static String of(List<JacksonException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (JacksonException.Reference ref : path) {
      if (ref.getPropertyName() != null) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  /** The parser's reason without its echo of the input or Java class names. */
  static String reason(JacksonException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return "cannot be read";
    }
    int javaType = message.indexOf("`");
    String firstLine = message.lines().findFirst().orElse(message);
    return javaType >= 0 ? "has the wrong type or format" : firstLine;
  }
}
