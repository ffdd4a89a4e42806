package io.orderflow.recovery.republish;

import java.util.Locale;
import java.util.Optional;

/** Where the events to send again come from. */
public enum RepublishSource {
  /** Commits still in the {@code unpublished-index}: SNS never accepted them. */
  UNPUBLISHED,
  /** Every commit made in a time range ({@code by-time} index), published or not. */
  RANGE,
  /** The events named by the messages of an SQS dead-letter queue (a redrive). */
  DLQ;

  /** As the API spells it: {@code unpublished}, {@code range}, {@code dlq}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RepublishSource> fromWire(String name) {
    for (RepublishSource source : values()) {
      if (source.wireName().equals(name)) {
        return Optional.of(source);
      }
    }
    return Optional.empty();
  }
}
