package io.orderflow.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testing.LocalAws;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

class TopicBootstrapTest {
  private static final SnsClient sns = LocalAws.endpoints().snsClient();
  private static final SqsClient sqs = LocalAws.endpoints().sqsClient();
  private final TopicBootstrap bootstrap = new TopicBootstrap(sns, sqs);
  private final String name = "events-" + UUID.randomUUID().toString().substring(0, 8);

  @AfterAll
  static void close() {
    sns.close();
    sqs.close();
  }

  @Test
  void whenBootstrap_thenFifoTopicHasOneSubscribedInspectionQueue() {
    TopicBootstrap.Topic topic = bootstrap.ensure(name);

    assertThat(topic.topicArn()).endsWith(":" + name + ".fifo");
    assertThat(
            sns.getTopicAttributes(r -> r.topicArn(topic.topicArn())).attributes().get("FifoTopic"))
        .isEqualTo("true");
    assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(topic.topicArn())).subscriptions())
        .singleElement()
        .satisfies(s -> assertThat(s.protocol()).isEqualTo("sqs"));
  }

  @Test
  void givenBootstrappedTopic_whenBootstrapAgain_thenSameTopicAndStillOneSubscription() {
    TopicBootstrap.Topic first = bootstrap.ensure(name);

    TopicBootstrap.Topic second = bootstrap.ensure(name);

    assertThat(second).isEqualTo(first);
    assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(first.topicArn())).subscriptions())
        .hasSize(1);
  }
}
