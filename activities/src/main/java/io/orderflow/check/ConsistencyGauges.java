package io.orderflow.check;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.recovery.check.FindingKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consistency check's gauges, read from the last verdict ({@link CheckVerdicts}) at most once
 * per {@link #REFRESH}: {@code orderflow.consistency.findings{kind}} (that check's findings, 0
 * before any), {@code orderflow.consistency.last.run} (when it finished, in seconds since the
 * epoch; before any check ever finished, when this process started, so "no check for twice the
 * period" also fires for a schedule that never got to run) and {@code
 * orderflow.consistency.scheduled} (1 when this process keeps the cron schedule).
 */
public final class ConsistencyGauges {
  static final Duration REFRESH = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(ConsistencyGauges.class);

  private final CheckVerdicts verdicts;
  private final Clock clock;
  private final Instant started;
  private volatile CheckVerdicts.Verdict verdict;
  private volatile Instant readAt = Instant.MIN;

  public ConsistencyGauges(
      CheckVerdicts verdicts, Clock clock, MeterRegistry meters, boolean scheduled) {
    this.verdicts = verdicts;
    this.clock = clock;
    this.started = clock.instant();
    for (FindingKind kind : FindingKind.values()) {
      Gauge.builder("orderflow.consistency.findings", this, g -> g.count(kind))
          .description("Findings of the last finished consistency check, by kind")
          .tag("kind", kind.name())
          .strongReference(true)
          .register(meters);
    }
    Gauge.builder("orderflow.consistency.last.run", this, ConsistencyGauges::lastRun)
        .description(
            "When the last consistency check finished (before any did: when this process started)")
        .baseUnit("seconds")
        .strongReference(true)
        .register(meters);
    Gauge.builder("orderflow.consistency.scheduled", () -> scheduled ? 1 : 0)
        .description("1 when this process keeps the consistency check's cron schedule")
        .strongReference(true)
        .register(meters);
  }

  private double count(FindingKind kind) {
    return current().map(v -> v.counts().getOrDefault(kind, 0L)).orElse(0L);
  }

  private double lastRun() {
    Instant at = current().map(CheckVerdicts.Verdict::finishedAt).orElse(started);
    return at.toEpochMilli() / 1000.0;
  }

  private Optional<CheckVerdicts.Verdict> current() {
    Instant now = clock.instant();
    if (now.isAfter(readAt.plus(REFRESH))) {
      readAt = now; // a failed read too: one attempt per period, not one per gauge and scrape
      try {
        verdict = verdicts.read().orElse(null);
      } catch (RuntimeException e) {
        log.debug("consistency verdict not read, keeping the last one: {}", e.toString());
      }
    }
    return Optional.ofNullable(verdict);
  }

  /** Forgets the cached verdict, so the next scrape reads the one just recorded. */
  public void refresh() {
    readAt = Instant.MIN;
  }
}
