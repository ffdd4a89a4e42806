package io.orderflow.eventstore.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the event explorer asks for: events committed in {@code [from, to)}, optionally of one type,
 * a page at a time.
 *
 * @param pageToken from the previous page's {@link ExplorerPage#nextPageToken()}
 */
public record ExplorerQuery(
    Instant from, Instant to, Optional<String> type, int limit, Optional<String> pageToken) {
  /** One query walks every shard of every hour in range: a week is 1,344 queries at most. */
  public static final Duration MAX_RANGE = Duration.ofDays(7);

  public static final int MAX_LIMIT = 500;

  public ExplorerQuery {
    if (!from.isBefore(to)) {
      throw new InvalidQuery("to", "must be after from");
    }
    if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
      throw new InvalidQuery("from", "the range may span at most " + MAX_RANGE.toDays() + " days");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidQuery("limit", "must be between 1 and " + MAX_LIMIT);
    }
  }
}
