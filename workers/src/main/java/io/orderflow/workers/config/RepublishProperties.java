package io.orderflow.workers.config;

import io.orderflow.republish.RepublishSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code orderflow.republish.*} (docs/runbooks/republish.md).
 *
 * @param eventsPerSecond the pace when a request names none
 * @param batchSize commits, events or messages read per batch
 * @param minAge unpublished commits younger than this are left to the normal publication path
 * @param deadLetterQueue the SQS dead-letter queue for {@code source: dlq}, by URL or name; empty
 *     for none
 * @param visibilityTimeout how long a dead-letter message in a batch stays hidden from others
 */
@ConfigurationProperties("orderflow.republish")
public record RepublishProperties(
    int eventsPerSecond,
    int batchSize,
    Duration minAge,
    String deadLetterQueue,
    Duration visibilityTimeout) {

  public RepublishProperties {
    eventsPerSecond = eventsPerSecond <= 0 ? 50 : eventsPerSecond;
    batchSize = batchSize <= 0 ? 100 : batchSize;
    minAge = minAge == null ? Duration.ofMinutes(1) : minAge;
    deadLetterQueue = deadLetterQueue == null ? "" : deadLetterQueue.trim();
    visibilityTimeout = visibilityTimeout == null ? Duration.ofMinutes(5) : visibilityTimeout;
  }

  RepublishSettings settings() {
    return new RepublishSettings(
        eventsPerSecond, batchSize, minAge, deadLetterQueue, visibilityTimeout);
  }
}
