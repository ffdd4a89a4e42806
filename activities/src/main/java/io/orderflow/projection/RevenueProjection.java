package io.orderflow.projection;

import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.control.ProjectionGenerations;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.order.Order;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Revenue per day and currency ({@code order_revenue}): one row per paid order under {@code
 * <day>#<currency>}, holding what the order brought in (paid minus refunded). The day is the UTC
 * day the order was created, which never changes, so an order's row never moves between keys and a
 * row is moved only forward by version like every read model's. A day's revenue is the sum of its
 * rows, read at query time.
 */
public final class RevenueProjection implements ReadModel {
  public static final String NAME = "revenue";

  private final DynamoDbClient dynamo;
  private final String configured;
  private final ProjectionGenerations generations;

  public RevenueProjection(
      DynamoDbClient dynamo, TableNames tables, ProjectionGenerations generations) {
    this.dynamo = dynamo;
    this.configured = tables.revenue();
    this.generations = generations;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String configuredTable() {
    return configured;
  }

  @Override
  public CreateTableRequest tableDefinition(String table) {
    return TableBootstrap.revenueTable(table);
  }

  /** Nothing for an order that was never paid: it brought in nothing. */
  @Override
  public Optional<Map<String, AttributeValue>> row(Order order) {
    if (order.amountPaid().signum() <= 0 || order.createdAt() == null) {
      return Optional.empty();
    }
    String day = day(order).toString();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("dayCurrency", Rows.s(day + "#" + order.currency()));
    item.put("orderId", Rows.s(order.orderId()));
    item.put("day", Rows.s(day));
    item.put("currency", Rows.s(order.currency()));
    item.put("amount", Rows.s(order.amountPaid().subtract(order.amountRefunded()).toPlainString()));
    item.put("paid", Rows.s(order.amountPaid().toPlainString()));
    item.put("refunded", Rows.s(order.amountRefunded().toPlainString()));
    item.put("status", Rows.s(order.status().name()));
    item.put("lastVersion", Rows.n(order.version()));
    return Optional.of(item);
  }

  @Override
  public boolean upsert(String table, Order order) {
    return row(order).map(r -> Rows.putIfNewer(dynamo, table, r, "dayCurrency")).orElse(false);
  }

  @Override
  public boolean upsert(Order order) {
    return Rows.live(generations, this, order);
  }

  /** The day an order's revenue counts for. */
  public static LocalDate day(Order order) {
    return order.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
  }

  /**
   * A day's revenue per currency, from the active generation: of one currency, or of every one when
   * {@code currency} is empty.
   */
  public RevenueDay day(LocalDate day, Optional<String> currency) {
    String table = generations.current(NAME, configured).table();
    QueryRequest.Builder request = QueryRequest.builder().tableName(table);
    if (currency.isPresent()) {
      request
          .keyConditionExpression("dayCurrency = :k")
          .expressionAttributeValues(Map.of(":k", Rows.s(day + "#" + currency.get())));
    } else {
      request
          .indexName("by-day")
          .keyConditionExpression("#d = :k")
          .expressionAttributeNames(Map.of("#d", "day"))
          .expressionAttributeValues(Map.of(":k", Rows.s(day.toString())));
    }
    Map<String, Sum> sums = new TreeMap<>();
    dynamo
        .queryPaginator(request.build())
        .items()
        .forEach(
            item ->
                sums.computeIfAbsent(item.get("currency").s(), c -> new Sum())
                    .add(item.get("paid").s(), item.get("refunded").s()));
    return new RevenueDay(
        day,
        sums.entrySet().stream()
            .map(
                e ->
                    new RevenueDay.Currency(
                        e.getKey(),
                        e.getValue().paid.subtract(e.getValue().refunded),
                        e.getValue().paid,
                        e.getValue().refunded,
                        e.getValue().orders))
            .toList());
  }

  private static final class Sum {
    BigDecimal paid = BigDecimal.ZERO;
    BigDecimal refunded = BigDecimal.ZERO;
    long orders;

    void add(String paidText, String refundedText) {
      paid = paid.add(new BigDecimal(paidText));
      refunded = refunded.add(new BigDecimal(refundedText));
      orders++;
    }
  }
}
