package io.orderflow.workers.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code orderflow.rebuild.*}: the projection rebuild's defaults
 * (docs/runbooks/projection-rebuild.md). Zeros take the defaults.
 *
 * @param segments parallel scan segments of the events table when a request names none (4)
 * @param settleSeconds how long every instance may take to see a generation announced or swapped:
 *     longer than the 2 s they cache the pointer (5)
 * @param lookbackSeconds how far before the announcement the catch-up reads commits, for the
 *     writers' clocks and the time index's lag (60)
 * @param scanPageLimit items per scan page, so a segment heartbeats at least that often; 0 for
 *     DynamoDB's 1 MB pages
 */
@ConfigurationProperties("orderflow.rebuild")
public record ProjectionRebuildProperties(
    int segments, long settleSeconds, long lookbackSeconds, int scanPageLimit) {

  public ProjectionRebuildProperties {
    segments = segments == 0 ? 4 : segments;
    settleSeconds = settleSeconds == 0 ? 5 : settleSeconds;
    lookbackSeconds = lookbackSeconds == 0 ? 60 : lookbackSeconds;
  }
}
