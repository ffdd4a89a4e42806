package io.orderflow.projection;

import io.orderflow.control.ProjectionGenerations;
import io.orderflow.eventstore.dynamodb.TableNames;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The read models orderflow keeps, by name. The live projector writes every one after each commit
 * and the projection rebuild builds any one by name: a new read model is a {@link ReadModel} added
 * here, with no change to either workflow.
 */
public final class ProjectionRegistry {
  private final Map<String, ReadModel> models = new LinkedHashMap<>();

  public ProjectionRegistry(List<ReadModel> models) {
    for (ReadModel model : models) {
      if (this.models.putIfAbsent(model.name(), model) != null) {
        throw new IllegalArgumentException("two read models are named " + model.name());
      }
    }
  }

  /** Order summary and revenue, on one view of the generations. */
  public static ProjectionRegistry standard(
      DynamoDbClient dynamo, TableNames tables, ProjectionGenerations generations) {
    return new ProjectionRegistry(
        List.of(
            new OrderSummaryProjection(dynamo, tables, generations),
            new RevenueProjection(dynamo, tables, generations)));
  }

  /** The order summary given, and the other read models beside it on its client and tables. */
  public static ProjectionRegistry around(OrderSummaryProjection summary) {
    return new ProjectionRegistry(
        List.of(
            summary,
            new RevenueProjection(summary.dynamo(), summary.tables(), summary.generations())));
  }

  public Optional<ReadModel> find(String name) {
    return Optional.ofNullable(name).map(models::get);
  }

  public List<String> names() {
    return List.copyOf(models.keySet());
  }

  public Collection<ReadModel> all() {
    return models.values();
  }
}
