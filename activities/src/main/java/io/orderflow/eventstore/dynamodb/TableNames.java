package io.orderflow.eventstore.dynamodb;

/** The physical DynamoDB tables orderflow uses, by role. */
public record TableNames(
    String events, String snapshots, String projections, String operations, String control) {

  public static TableNames defaults() {
    return new TableNames(
        "order_events",
        "order_snapshots",
        "order_projections",
        "orderflow_operations",
        "orderflow_control");
  }

  /** The same set with a prefix, so tests can run side by side on one server. */
  public TableNames prefixed(String prefix) {
    return new TableNames(
        prefix + events,
        prefix + snapshots,
        prefix + projections,
        prefix + operations,
        prefix + control);
  }
}
