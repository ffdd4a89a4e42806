package io.orderflow.republish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The republish pace, on a clock that only moves when the pacer sleeps. */
class PacerTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  final Pacer.Sleeper sleeper = nap -> clock.set(clock.instant().plus(nap));

  @Test
  @DisplayName("at 10 events/s, 21 single events take 2 s: the first goes at once, none bursts")
  void holdsTheRate() {
    Pacer pacer = new Pacer(10, clock, sleeper);
    Instant start = clock.instant();

    for (int i = 0; i < 21; i++) {
      pacer.take(1, () -> {});
    }

    assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  @DisplayName("a commit of five events at 10 events/s holds the next one back half a second")
  void countsEveryEventOfACommit() {
    Pacer pacer = new Pacer(10, clock, sleeper);
    Instant start = clock.instant();

    pacer.take(5, () -> {});
    pacer.take(1, () -> {});

    assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  @DisplayName("a long wait is taken in naps, with a heartbeat before each")
  void heartbeatsWhileWaiting() {
    Pacer pacer = new Pacer(1, clock, sleeper);
    AtomicInteger beats = new AtomicInteger();

    pacer.take(3, beats::incrementAndGet);
    pacer.take(1, beats::incrementAndGet);

    assertThat(beats.get()).isEqualTo(6); // 3 s in naps of 0.5 s
  }

  @Test
  @DisplayName("a pace of zero is refused")
  void refusesZero() {
    assertThatThrownBy(() -> new Pacer(0, clock, sleeper))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
