package io.orderflow.workers.config;

import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Against the local Temporal server (the SDK's test server), workers run without sticky execution.
 * That server keeps routing a workflow's tasks to the sticky queue of the last worker that ran it
 * and never falls back to the normal queue, so after a worker restart its open orders would get no
 * more workflow tasks. A real cluster falls back after a few seconds: there sticky execution stays
 * on ({@code orderflow.temporal.sticky-execution=true}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "orderflow.temporal.sticky-execution", havingValue = "false")
class LocalTemporalWorkerConfiguration {

  @Bean
  TemporalOptionsCustomizer<WorkerOptions.Builder> noStickyExecution() {
    return builder -> builder.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
  }
}
