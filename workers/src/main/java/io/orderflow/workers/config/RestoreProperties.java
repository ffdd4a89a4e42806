package io.orderflow.workers.config;

import io.orderflow.recovery.restore.RampSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code orderflow.restore.*}: the full restore's defaults (docs/runbooks/full-restore.md).
 *
 * @param sampleSize orders rebuilt and checked when a request names no sample size
 * @param parallelism files imported and segments validated at once by default
 * @param ramp how traffic comes back after the switch
 */
@ConfigurationProperties("orderflow.restore")
public record RestoreProperties(int sampleSize, int parallelism, Ramp ramp) {

  public RestoreProperties {
    sampleSize = sampleSize == 0 ? 200 : sampleSize;
    parallelism = parallelism == 0 ? 4 : parallelism;
    ramp = ramp == null ? new Ramp(0, 0, 0, 0, 0) : ramp;
  }

  /**
   * The ramp; zeros take the defaults (settle 5 s, watch 60 s every 5 s, no failure, 20 orders).
   */
  public record Ramp(
      long settleSeconds,
      long observeSeconds,
      long intervalSeconds,
      long maxFailures,
      int canaryOrders) {
    public RampSettings settings() {
      return new RampSettings(
          settleSeconds == 0 ? 5 : settleSeconds,
          observeSeconds == 0 ? 60 : observeSeconds,
          intervalSeconds == 0 ? 5 : intervalSeconds,
          maxFailures,
          canaryOrders == 0 ? 20 : canaryOrders);
    }
  }
}
