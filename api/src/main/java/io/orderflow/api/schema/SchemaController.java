package io.orderflow.api.schema;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.orderflow.eventstore.schema.SchemaValidator;
import io.orderflow.order.EventType;
import io.orderflow.order.schema.EventSchemas;
import io.orderflow.order.schema.SchemaVersion;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every event type with all its schema versions: which one new events are written with, which are
 * deprecated (still read, through upcasters), and the JSON Schema documents themselves.
 */
@RestController
class SchemaController {
  private final SchemaValidator schemas = new SchemaValidator();

  record Version(int version, boolean deprecated, @JsonRawValue String schema) {}

  record Type(String type, int currentVersion, List<Version> versions) {}

  record Registry(List<Type> types) {}

  @GetMapping("/api/schemas")
  Registry schemas() {
    List<SchemaVersion> all = EventSchemas.all();
    List<Type> types =
        java.util.Arrays.stream(EventType.values())
            .map(
                t ->
                    new Type(
                        t.wireName(),
                        t.schemaVersion(),
                        all.stream()
                            .filter(s -> s.type().equals(t.wireName()))
                            .map(s -> new Version(s.version(), s.deprecated(), schemas.document(s)))
                            .toList()))
            .toList();
    return new Registry(types);
  }
}
