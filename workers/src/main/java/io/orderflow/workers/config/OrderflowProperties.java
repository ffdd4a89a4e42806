package io.orderflow.workers.config;

import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.order.workflow.OrderSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

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
   * Where backups go and how they are taken (docs/runbooks/backup.md).
   *
   * @param directory the local backup store's root (relative to the working directory), for {@code
   *     store: directory}
   * @param segments parallel scan segments per table when a request names none
   * @param store {@code directory} (the default) or {@code s3}
   * @param bucket the S3 bucket, for {@code store: s3}
   * @param prefix the key prefix backups live under in the bucket; empty for the top level
   * @param endpoint the S3 endpoint; empty means real S3 (locally fauxqs, which serves S3 on its
   *     SNS port)
   * @param nativeBackup {@code orderflow.backup.native.*}: DynamoDB's own CreateBackup and restores
   */
  public record Backup(
      String directory,
      int segments,
      Store store,
      String bucket,
      String prefix,
      String endpoint,
      @Name("native") Native nativeBackup) {
    public static final String DEFAULT_DIRECTORY = "local-stack/data/backups";
    public static final int DEFAULT_SEGMENTS = 4;
    public static final String DEFAULT_PREFIX = "backups";

    public Backup {
      directory = directory == null || directory.isBlank() ? DEFAULT_DIRECTORY : directory;
      segments = segments <= 0 ? DEFAULT_SEGMENTS : segments;
      store = store == null ? Store.DIRECTORY : store;
      prefix = prefix == null ? DEFAULT_PREFIX : prefix;
      endpoint = endpoint == null ? "" : endpoint;
      nativeBackup = nativeBackup == null ? new Native(false, null) : nativeBackup;
    }

    /** The defaults: a local directory, no native path. */
    public static Backup defaults() {
      return new Backup(null, 0, null, null, null, null, null);
    }

    public enum Store {
      DIRECTORY,
      S3
    }

    /**
     * @param enabled register the native backup activities (real DynamoDB only: dynalite has no
     *     CreateBackup or point-in-time recovery)
     * @param pollInterval how often a running backup or restore is asked for its status
     */
    public record Native(boolean enabled, Duration pollInterval) {
      public Native {
        pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
      }
    }
  }
}
