package io.orderflow.operations;

import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.recovery.OperationFinish;
import io.orderflow.recovery.OperationProgress;
import io.orderflow.recovery.OperationStart;
import io.orderflow.recovery.OperationStatus;
import io.orderflow.recovery.OperationsActivities;
import io.orderflow.recovery.Progress;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The operations registry on {@code orderflow_operations}. Writes are conditional updates: a start
 * keeps what was recorded before it, and once an operation is final nothing changes it again, so a
 * retried activity is harmless.
 */
public final class DynamoDbOperationsRegistry implements OperationsActivities {
  private static final String RUNNING = OperationStatus.RUNNING.name();
  private static final Pattern NAME = Pattern.compile("#[A-Za-z]+");

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoDbOperationsRegistry(DynamoDbClient dynamo, TableNames tables, Clock clock) {
    this.dynamo = dynamo;
    this.table = tables.operations();
    this.clock = clock;
  }

  @Override
  public void recordStart(OperationStart start) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":kind", AttributeValue.fromS(start.kind().name()));
    values.put(":running", AttributeValue.fromS(RUNNING));
    values.put(":now", AttributeValue.fromS(clock.instant().toString()));
    values.put(
        ":by", AttributeValue.fromS(start.startedBy() == null ? "unknown" : start.startedBy()));
    values.put(":params", OperationItems.json(start.parameters()));
    values.put(":wf", AttributeValue.fromS(start.workflowId()));
    String set =
        "SET #kind = :kind, #status = if_not_exists(#status, :running),"
            + " #startedAt = if_not_exists(#startedAt, :now),"
            + " #startedBy = if_not_exists(#startedBy, :by),"
            + " #parameters = if_not_exists(#parameters, :params), #workflowId = :wf";
    if (start.runId() != null) {
      values.put(":run", AttributeValue.fromS(start.runId()));
      set += ", #runId = :run";
    }
    update(
        start.operationId(),
        set,
        "attribute_not_exists(#operationId) OR #status = :running",
        values);
  }

  @Override
  public void recordProgress(OperationProgress progress) {
    Map<String, AttributeValue> values = progressValues(progress.progress());
    values.put(":running", AttributeValue.fromS(RUNNING));
    update(
        progress.operationId(),
        "SET #phase = :phase, #done = :done, #total = :total",
        "#status = :running",
        values);
  }

  @Override
  public void recordFinish(OperationFinish finish) {
    if (!finish.status().isFinal()) {
      throw new IllegalArgumentException("a finish needs a final status, not " + finish.status());
    }
    Map<String, AttributeValue> values = progressValues(finish.progress());
    values.put(":running", AttributeValue.fromS(RUNNING));
    values.put(":status", AttributeValue.fromS(finish.status().name()));
    values.put(":now", AttributeValue.fromS(clock.instant().toString()));
    values.put(":result", OperationItems.json(finish.result()));
    String set =
        "SET #status = :status, #finishedAt = :now, #result = :result,"
            + " #phase = :phase, #done = :done, #total = :total";
    if (finish.error() != null) {
      values.put(":error", AttributeValue.fromS(finish.error()));
      set += ", #error = :error";
    }
    update(finish.operationId(), set, "#status = :running", values);
  }

  public Optional<OperationRecord> find(String operationId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(Map.of("operationId", AttributeValue.fromS(operationId)))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(OperationItems.read(item));
  }

  /** The newest {@code limit} operations. The table stays small: one item per DR run. */
  public List<OperationRecord> list(int limit) {
    return dynamo.scanPaginator(r -> r.tableName(table)).items().stream()
        .map(OperationItems::read)
        .sorted(
            Comparator.comparing(
                    OperationRecord::startedAt,
                    Comparator.nullsLast(Comparator.<String>naturalOrder()))
                .reversed())
        .limit(limit)
        .toList();
  }

  private static Map<String, AttributeValue> progressValues(Progress progress) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":phase", AttributeValue.fromS(progress.phase()));
    values.put(":done", AttributeValue.fromN(Long.toString(progress.done())));
    values.put(":total", AttributeValue.fromN(Long.toString(progress.total())));
    return values;
  }

  private void update(
      String operationId, String set, String condition, Map<String, AttributeValue> values) {
    Map<String, String> names = new HashMap<>();
    // every attribute goes by a placeholder: status, result and total are reserved words
    Matcher placeholder = NAME.matcher(set + " " + condition);
    while (placeholder.find()) {
      names.put(placeholder.group(), placeholder.group().substring(1));
    }
    try {
      dynamo.updateItem(
          UpdateItemRequest.builder()
              .tableName(table)
              .key(Map.of("operationId", AttributeValue.fromS(operationId)))
              .updateExpression(set)
              .conditionExpression(condition)
              .expressionAttributeNames(names)
              .expressionAttributeValues(values)
              .build());
    } catch (ConditionalCheckFailedException alreadyFinal) {
      // final already (or never started): the registry keeps the first final word
    }
  }
}
