package io.orderflow.republish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Holds sending to a steady rate: a token bucket one commit deep, so a batch never bursts and a
 * retried batch starts at the same pace. {@link #take} waits, in short naps that call {@code
 * whileWaiting} (to heartbeat, which is also how a cancel gets in), until {@code n} events may go.
 */
final class Pacer {
  private static final Duration NAP = Duration.ofMillis(500);

  /** How the pacer waits; tests pass one that only moves a clock. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final double eventsPerSecond;
  private final Clock clock;
  private final Sleeper sleeper;
  private Instant free;

  Pacer(double eventsPerSecond, Clock clock, Sleeper sleeper) {
    if (eventsPerSecond <= 0) {
      throw new IllegalArgumentException("eventsPerSecond must be positive: " + eventsPerSecond);
    }
    this.eventsPerSecond = eventsPerSecond;
    this.clock = clock;
    this.sleeper = sleeper;
    this.free = clock.instant();
  }

  /** Waits until {@code n} more events may go, then books them. */
  void take(int n, Runnable whileWaiting) {
    Instant now = clock.instant();
    while (now.isBefore(free)) {
      whileWaiting.run();
      Duration left = Duration.between(now, free);
      try {
        sleeper.sleep(left.compareTo(NAP) < 0 ? left : NAP);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while pacing", e);
      }
      now = clock.instant();
    }
    free = now.plusNanos((long) (n * 1_000_000_000L / eventsPerSecond));
  }
}
