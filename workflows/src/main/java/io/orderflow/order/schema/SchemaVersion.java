package io.orderflow.order.schema;

/**
 * One version of an event type's JSON Schema.
 *
 * @param deprecated no longer written; events stored with it are still read, through upcasters
 * @param resource the classpath location of the JSON Schema document
 */
public record SchemaVersion(String type, int version, boolean deprecated, String resource) {
  static SchemaVersion of(String type, int version, boolean deprecated) {
    return new SchemaVersion(
        type, version, deprecated, "schemas/" + type + "/v" + version + ".json");
  }
}
