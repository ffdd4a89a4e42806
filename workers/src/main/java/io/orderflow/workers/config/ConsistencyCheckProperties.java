package io.orderflow.workers.config;

import io.orderflow.recovery.check.CheckSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code orderflow.consistency-check.*} (docs/runbooks/consistency-check.md).
 *
 * @param cron when the worker runs the check on its own, as a cron expression ({@code "0 * * * *"}:
 *     hourly); empty for never
 * @param segments parallel scan segments when a request names none
 * @param staleAfter a commit unpublished, or a projection row behind, for longer than this is a
 *     finding
 */
@ConfigurationProperties("orderflow.consistency-check")
public record ConsistencyCheckProperties(String cron, int segments, Duration staleAfter) {

  public ConsistencyCheckProperties {
    cron = cron == null ? "" : cron.trim();
    segments = segments <= 0 ? 4 : segments;
    staleAfter = staleAfter == null ? Duration.ofMinutes(5) : staleAfter;
  }

  boolean scheduled() {
    return !cron.isEmpty();
  }

  CheckSettings settings() {
    return new CheckSettings(segments, staleAfter.toSeconds());
  }
}
