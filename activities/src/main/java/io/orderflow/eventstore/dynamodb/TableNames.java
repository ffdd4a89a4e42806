package io.orderflow.eventstore.dynamodb;

/** The physical DynamoDB tables orderflow is configured with, by role. */
public record TableNames(
    String events,
    String snapshots,
    String projections,
    String operations,
    String control,
    String quarantine)
    implements ActiveTables {

  public static TableNames defaults() {
    return new TableNames(
        "order_events",
        "order_snapshots",
        "order_projections",
        "orderflow_operations",
        "orderflow_control",
        "order_quarantine");
  }

  /** The same set with a prefix, so tests can run side by side on one server. */
  public TableNames prefixed(String prefix) {
    return new TableNames(
        prefix + events,
        prefix + snapshots,
        prefix + projections,
        prefix + operations,
        prefix + control,
        prefix + quarantine);
  }
}
