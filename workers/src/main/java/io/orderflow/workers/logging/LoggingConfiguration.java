package io.orderflow.workers.logging;

import io.temporal.client.WorkflowClientOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the MDC propagator on the Temporal client, which the workers share. */
@Configuration(proxyBeanMethods = false)
public class LoggingConfiguration {

  @Bean
  TemporalOptionsCustomizer<WorkflowClientOptions.Builder> mdcPropagation() {
    return builder -> builder.setContextPropagators(List.of(new MdcContextPropagator()));
  }
}
