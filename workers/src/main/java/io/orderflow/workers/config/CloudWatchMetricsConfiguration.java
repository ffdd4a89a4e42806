package io.orderflow.workers.config;

import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/**
 * Publishes orderflow's own meters ({@code orderflow.*}) to CloudWatch as well, for the alarms and
 * the dashboard of terraform/modules/monitoring. Off unless {@code
 * management.cloudwatch.metrics.export.enabled=true} (the ECS task definitions set it; the local
 * stack has no CloudWatch). Spring Boot has no CloudWatch auto-configuration, hence this class;
 * Boot still applies its meter filters ({@code management.metrics.distribution.*}) and binders to
 * this registry, next to the Prometheus one.
 *
 * <p>What lands in CloudWatch (namespace {@code management.cloudwatch.metrics.export.namespace},
 * tags as dimensions): a counter as {@code <name>.count}; a timer as {@code <name>.count}, {@code
 * .sum}, {@code .avg}, {@code .max} in milliseconds; its percentiles as {@code
 * <name>.percentile.value} with dimension {@code phi}; a gauge as {@code <name>.value}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    prefix = "management.cloudwatch.metrics.export",
    name = "enabled",
    havingValue = "true")
class CloudWatchMetricsConfiguration {

  private static final String PREFIX = "management.cloudwatch.metrics.export.";

  /** Real AWS with the default credential chain (the ECS task role), in orderflow.aws.region. */
  @Bean(destroyMethod = "close")
  CloudWatchAsyncClient cloudWatchAsyncClient(OrderflowProperties properties) {
    return CloudWatchAsyncClient.builder()
        .region(Region.of(properties.aws().region()))
        .credentialsProvider(DefaultCredentialsProvider.builder().build())
        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
        .build();
  }

  @Bean(destroyMethod = "close")
  CloudWatchMeterRegistry cloudWatchMeterRegistry(
      Environment environment, Clock clock, CloudWatchAsyncClient client) {
    // Micrometer asks for "cloudwatch.namespace", "cloudwatch.step", "cloudwatch.batchSize", ...:
    // read as management.cloudwatch.metrics.export.namespace, .step, .batch-size; unset keys keep
    // Micrometer's defaults.
    CloudWatchConfig config =
        key ->
            environment.getProperty(
                PREFIX
                    + key.substring(key.indexOf('.') + 1)
                        .replaceAll("([a-z])([A-Z])", "$1-$2")
                        .toLowerCase(Locale.ROOT));
    CloudWatchMeterRegistry registry = new CloudWatchMeterRegistry(config, clock, client);
    registry
        .config()
        // Every CloudWatch metric is billed: only the application's meters, not JVM, HTTP server or
        // Temporal SDK meters (those stay on /actuator/prometheus).
        .meterFilter(MeterFilter.denyUnless(id -> id.getName().startsWith("orderflow.")))
        // The Prometheus histogram buckets would become one CloudWatch metric per bucket here
        // (<name>.histogram.value, dimension le); CloudWatch gets the percentiles instead.
        .meterFilter(
            new MeterFilter() {
              @Override
              public DistributionStatisticConfig configure(
                  Meter.Id id, DistributionStatisticConfig distribution) {
                return DistributionStatisticConfig.builder()
                    .percentilesHistogram(false)
                    .build()
                    .merge(distribution);
              }
            });
    return registry;
  }
}
