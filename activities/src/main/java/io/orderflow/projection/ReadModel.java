package io.orderflow.projection;

import io.orderflow.order.Order;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * A read model folded from orders, as the {@link ProjectionRegistry} knows it: the live projector
 * keeps every registered one up to date after each commit, and the projection rebuild builds any of
 * them by name into a new generation. A read model keeps at most one row per order, and every row
 * carries the order's {@code lastVersion}, which only ever moves forward.
 */
public interface ReadModel {

  /** The name operators use ({@code order-summary}, {@code revenue}); stable. */
  String name();

  /**
   * The table the configuration names: the first generation, and what later ones are named after.
   */
  String configuredTable();

  /** The table, with its key schema and indexes, under a name (a new generation's). */
  CreateTableRequest tableDefinition(String table);

  /** The order's row, key included; empty when this model keeps none for the order. */
  Optional<Map<String, AttributeValue>> row(Order order);

  /**
   * Writes the order's row into {@code table} if it is newer than the stored one.
   *
   * @return whether it wrote
   */
  boolean upsert(String table, Order order);

  /**
   * Writes the order's row into the active generation if it is newer than the stored one, and into
   * the generation a rebuild is filling, if any. Idempotent: a repeated or late call changes
   * nothing.
   *
   * @return whether the active generation took it
   */
  boolean upsert(Order order);
}
