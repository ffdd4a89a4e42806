package io.orderflow.recovery.republish;

import java.util.ArrayList;
import java.util.List;

/**
 * What a republish has done so far, summed over its batches.
 *
 * @param commits commits sent (in a dry run: that would be sent), wholly or in part
 * @param markedPublished commits whose unpublished marker was cleared
 * @param skipped commits that were published by someone else before the batch got to them
 * @param unreadable dead-letter messages that name no event; they stay in the queue
 * @param problemCount every problem; {@code problems} keeps the first {@link #MAX_LISTED}
 * @param sent {@code orderId@version eventId} of the first {@link #MAX_LISTED} events sent
 */
public record RepublishTotals(
    long batches,
    long commits,
    long events,
    long markedPublished,
    long skipped,
    long deadLettersDeleted,
    long unreadable,
    long problemCount,
    List<String> problems,
    List<String> sent) {
  public static final int MAX_LISTED = 100;

  static RepublishTotals none() {
    return new RepublishTotals(0, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of());
  }

  RepublishTotals plus(RepublishBatch batch, SendResult result) {
    return new RepublishTotals(
        batches + 1,
        commits + result.commits(),
        events + result.events(),
        markedPublished + result.markedPublished(),
        skipped + result.skipped(),
        deadLettersDeleted + result.deadLettersDeleted(),
        unreadable + batch.unreadable(),
        problemCount + batch.problems().size() + result.problems().size(),
        capped(problems, batch.problems(), result.problems()),
        capped(sent, result.sent(), List.of()));
  }

  private static List<String> capped(List<String> kept, List<String> more, List<String> andMore) {
    List<String> all = new ArrayList<>(kept);
    for (String line : more) {
      if (all.size() < MAX_LISTED) {
        all.add(line);
      }
    }
    for (String line : andMore) {
      if (all.size() < MAX_LISTED) {
        all.add(line);
      }
    }
    return List.copyOf(all);
  }
}
