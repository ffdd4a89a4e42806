package io.orderflow.eventstore.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.orderflow.order.schema.EventSchemas;
import io.orderflow.order.schema.SchemaVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Checks payloads against the registry's JSON Schemas (draft 2020-12), compiled once each. */
public final class SchemaValidator {
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<Key, Schema> compiled = new ConcurrentHashMap<>();

  // Per append: a key that costs no string building or hashing of a new string.
  private record Key(String type, int version) {}

  /**
   * The schema's complaints about {@code json}, each as {@code <path>: <message>}; empty when it
   * conforms.
   *
   * @throws IllegalArgumentException for a type and version the registry does not have
   */
  public List<String> violations(String type, int version, String json) {
    Schema schema = compiled.computeIfAbsent(new Key(type, version), key -> load(type, version));
    List<Error> errors = schema.validate(json, InputFormat.JSON);
    if (errors.isEmpty()) {
      return List.of();
    }
    return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }

  /** The schema document itself, as stored in the registry. */
  public String document(SchemaVersion version) {
    try (InputStream in = open(version)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Schema load(String type, int version) {
    SchemaVersion known =
        EventSchemas.find(type, version)
            .orElseThrow(
                () -> new IllegalArgumentException("no schema for " + type + " v" + version));
    try (InputStream in = open(known)) {
      return registry.getSchema(in, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(SchemaVersion version) {
    InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(version.resource());
    if (in == null) {
      throw new IllegalStateException("schema resource missing: " + version.resource());
    }
    return in;
  }
}
