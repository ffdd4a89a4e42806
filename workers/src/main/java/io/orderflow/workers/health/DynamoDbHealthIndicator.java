package io.orderflow.workers.health;

import io.orderflow.workers.config.Infrastructure;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Up when the events table answers DescribeTable and is ACTIVE. */
class DynamoDbHealthIndicator extends AbstractHealthIndicator {
  private final DynamoDbClient dynamo;
  private final Infrastructure infrastructure;

  DynamoDbHealthIndicator(DynamoDbClient dynamo, Infrastructure infrastructure) {
    super("DynamoDB health check failed");
    this.dynamo = dynamo;
    this.infrastructure = infrastructure;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    String table = infrastructure.tables().events();
    String status = dynamo.describeTable(r -> r.tableName(table)).table().tableStatusAsString();
    builder.withDetail("table", table).withDetail("tableStatus", status);
    if ("ACTIVE".equals(status)) {
      builder.up();
    } else {
      builder.down();
    }
  }
}
