package io.orderflow.rebuild;

import io.orderflow.eventstore.dynamodb.ActiveTables;
import io.orderflow.eventstore.dynamodb.EventExplorer;
import io.orderflow.eventstore.dynamodb.ExplorerPage;
import io.orderflow.eventstore.dynamodb.ExplorerQuery;
import io.orderflow.projection.ReadModel;
import io.orderflow.recovery.rebuild.CatchUpRequest;
import io.orderflow.recovery.rebuild.CaughtUp;
import io.orderflow.recovery.rebuild.SegmentRebuilt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Finds every order committed to since an instant through the events table's time index ({@code
 * by-time}, read through the {@link EventExplorer}: every write shard of every hour, merged), folds
 * each whole stream again and moves its row forward. Conditional writes make it idempotent: a
 * repeated catch-up, or one racing a live write, never moves a row backwards.
 */
final class CatchUp {
  /** Writers whose clocks run ahead still land inside the range read. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final int PAGE = ExplorerQuery.MAX_LIMIT;

  private final DynamoDbClient dynamo;
  private final OrderStreams streams;
  private final Clock clock;

  CatchUp(DynamoDbClient dynamo, OrderStreams streams, Clock clock) {
    this.dynamo = dynamo;
    this.streams = streams;
    this.clock = clock;
  }

  CaughtUp run(ReadModel model, CatchUpRequest request, LongConsumer progress) {
    Instant since = Instant.parse(request.since());
    Instant until = clock.instant().plus(CLOCK_SKEW);
    EventExplorer explorer =
        new EventExplorer(dynamo, ActiveTables.of(request.eventsTable(), request.eventsTable()));
    Set<String> orders = new LinkedHashSet<>();
    Set<String> commits = new HashSet<>();
    // the explorer reads at most a week per query
    for (Instant from = since; from.isBefore(until); from = from.plus(ExplorerQuery.MAX_RANGE)) {
      Instant to = min(from.plus(ExplorerQuery.MAX_RANGE), until);
      Optional<String> token = Optional.empty();
      do {
        ExplorerPage page =
            explorer.query(new ExplorerQuery(from, to, Optional.empty(), PAGE, token));
        for (ExplorerPage.Entry entry : page.events()) {
          orders.add(entry.orderId());
          commits.add(entry.orderId() + "#" + entry.commitVersion());
        }
        token = page.nextPageToken();
      } while (token.isPresent());
    }
    long moved = 0;
    long unfoldable = 0;
    long done = 0;
    List<String> problems = new ArrayList<>();
    for (String orderId : orders) {
      OrderStreams.Folded folded =
          streams.fold(orderId, streams.read(request.eventsTable(), orderId));
      if (folded.order() == null) {
        unfoldable++;
        if (problems.size() < SegmentRebuilt.MAX_LISTED) {
          problems.add(folded.problem());
        }
      } else if (model.upsert(request.table(), folded.order())) {
        moved++;
      }
      if (++done % 50 == 0) {
        progress.accept(done);
      }
    }
    return new CaughtUp(
        request.since(), commits.size(), orders.size(), moved, unfoldable, List.copyOf(problems));
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
