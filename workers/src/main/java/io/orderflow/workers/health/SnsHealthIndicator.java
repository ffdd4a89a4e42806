package io.orderflow.workers.health;

import io.orderflow.workers.config.Infrastructure;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.services.sns.SnsClient;

/** Up when the order-events topic answers GetTopicAttributes. */
class SnsHealthIndicator extends AbstractHealthIndicator {
  private final SnsClient sns;
  private final Infrastructure infrastructure;

  SnsHealthIndicator(SnsClient sns, Infrastructure infrastructure) {
    super("SNS health check failed");
    this.sns = sns;
    this.infrastructure = infrastructure;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    sns.getTopicAttributes(r -> r.topicArn(infrastructure.topicArn()));
    builder.up().withDetail("topic", infrastructure.topicArn());
  }
}
