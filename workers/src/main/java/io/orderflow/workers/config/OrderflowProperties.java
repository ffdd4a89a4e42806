package io.orderflow.workers.config;

import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.order.workflow.OrderSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything under {@code orderflow.*}. Defaults suit the local stack; the README lists what to
 * change for AWS.
 *
 * @param aws where the AWS clients connect; empty endpoints mean real AWS
 * @param bootstrap whether to create missing tables and the topic at start-up
 * @param dynamodb the table names
 * @param sns the topic: by name for the bootstrap, or by ARN when it is provisioned elsewhere
 * @param temporal whether to run the Temporal server inside this process
 * @param snapshots the snapshot policy
 * @param orders the timing of an order's life
 * @param backup where backups go and how they scan
 */
@ConfigurationProperties("orderflow")
public record OrderflowProperties(
    Aws aws,
    Bootstrap bootstrap,
    DynamoDb dynamodb,
    Sns sns,
    Temporal temporal,
    Snapshots snapshots,
    Orders orders,
    Backup backup) {

  public record Aws(String region, String dynamodbEndpoint, String snsEndpoint, Duration timeout) {}

  public record Bootstrap(boolean enabled) {}

  /**
   * @param paymentTimeout a confirmed order not paid within this is cancelled
   * @param refundWindow how long a delivered order's workflow waits for a refund
   * @param maxHistoryEvents continue-as-new past this many history events
   */
  public record Orders(Duration paymentTimeout, Duration refundWindow, int maxHistoryEvents) {
    public OrderSettings settings() {
      return new OrderSettings(paymentTimeout, refundWindow, maxHistoryEvents);
    }
  }

  /**
   * @param everyEvents take a snapshot once this many events followed the last one
   * @param maxFoldedEvents and whenever a load had to fold more than this many
   * @param keep snapshots kept per order; older ones are pruned
   */
  public record Snapshots(int everyEvents, int maxFoldedEvents, int keep) {}

  public record DynamoDb(TableNames tables) {}

  public record Sns(String topicName, String topicArn) {}

  /**
   * @param embedded start the local Temporal server in this JVM
   * @param embeddedPort its port; 0 picks a free one
   */
  public record Temporal(boolean embedded, int embeddedPort) {}

  /**
   * @param directory the local backup store's root (relative to the working directory)
   * @param segments parallel scan segments per table when a request names none
   */
  public record Backup(String directory, int segments) {
    public static final String DEFAULT_DIRECTORY = "local-stack/data/backups";
    public static final int DEFAULT_SEGMENTS = 4;

    public Backup {
      directory = directory == null || directory.isBlank() ? DEFAULT_DIRECTORY : directory;
      segments = segments <= 0 ? DEFAULT_SEGMENTS : segments;
    }
  }
}
