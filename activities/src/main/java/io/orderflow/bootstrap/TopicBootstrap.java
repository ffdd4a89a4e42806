package io.orderflow.bootstrap;

import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the FIFO topic for order events and an SQS FIFO queue subscribed to it, so a developer
 * (and the tests) can see exactly what downstream consumers receive. Create calls with the same
 * attributes are idempotent in SNS and SQS, so a second run changes nothing.
 */
public final class TopicBootstrap {
  private final SnsClient sns;
  private final SqsClient sqs;

  public TopicBootstrap(SnsClient sns, SqsClient sqs) {
    this.sns = sns;
    this.sqs = sqs;
  }

  /** What the bootstrap made, or found. */
  public record Topic(String topicArn, String inspectionQueueUrl) {}

  /**
   * @param topicName without the {@code .fifo} suffix that FIFO topics must carry
   */
  public Topic ensure(String topicName) {
    String topicArn =
        sns.createTopic(
                r ->
                    r.name(topicName + ".fifo")
                        .attributes(
                            Map.of("FifoTopic", "true", "ContentBasedDeduplication", "false")))
            .topicArn();
    String queueUrl =
        sqs.createQueue(
                r ->
                    r.queueName(topicName + "-inspection.fifo")
                        .attributes(
                            Map.of(
                                QueueAttributeName.FIFO_QUEUE, "true",
                                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false")))
            .queueUrl();
    String queueArn =
        sqs.getQueueAttributes(
                r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    boolean subscribed =
        sns.listSubscriptionsByTopicPaginator(r -> r.topicArn(topicArn)).subscriptions().stream()
            .anyMatch(s -> queueArn.equals(s.endpoint()));
    if (!subscribed) {
      sns.subscribe(
          r ->
              r.topicArn(topicArn)
                  .protocol("sqs")
                  .endpoint(queueArn)
                  .attributes(Map.of("RawMessageDelivery", "true")));
    }
    return new Topic(topicArn, queueUrl);
  }
}
