package io.orderflow.eventstore.dynamodb;

/**
 * The physical DynamoDB tables orderflow is configured with, by role.
 *
 * @param revenue the revenue-per-day read model; {@code order_revenue} when a configuration written
 *     before it existed leaves it out
 */
public record TableNames(
    String events,
    String snapshots,
    String projections,
    String operations,
    String control,
    String quarantine,
    String revenue)
    implements ActiveTables {
  static final String DEFAULT_REVENUE = "order_revenue";

  public TableNames {
    revenue = revenue == null || revenue.isBlank() ? DEFAULT_REVENUE : revenue;
  }

  public static TableNames defaults() {
    return new TableNames(
        "order_events",
        "order_snapshots",
        "order_projections",
        "orderflow_operations",
        "orderflow_control",
        "order_quarantine",
        DEFAULT_REVENUE);
  }

  /** The same set with a prefix, so tests can run side by side on one server. */
  public TableNames prefixed(String prefix) {
    return new TableNames(
        prefix + events,
        prefix + snapshots,
        prefix + projections,
        prefix + operations,
        prefix + control,
        prefix + quarantine,
        prefix + revenue);
  }
}
