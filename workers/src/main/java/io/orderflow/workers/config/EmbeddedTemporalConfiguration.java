package io.orderflow.workers.config;

import io.orderflow.workers.temporal.LocalTemporalServer;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import java.io.IOException;
import java.net.InetAddress;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code orderflow.temporal.embedded=true}, the local Temporal server runs inside this JVM and
 * the Temporal client is pointed at it. The customizer depends on the server bean, so the server is
 * listening before the starter builds its service stubs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "orderflow.temporal.embedded", havingValue = "true")
class EmbeddedTemporalConfiguration {

  @Bean(destroyMethod = "close")
  LocalTemporalServer embeddedTemporalServer(OrderflowProperties properties) throws IOException {
    return LocalTemporalServer.start(
        InetAddress.getLoopbackAddress(), properties.temporal().embeddedPort());
  }

  @Bean
  TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> embeddedTemporalTarget(
      LocalTemporalServer server) {
    return builder -> builder.setTarget(server.target());
  }
}
