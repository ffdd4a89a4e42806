package io.orderflow.recovery.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * The corrections a replay found so far, counted by outcome, with the first {@link
 * ReplayTotals#MAX_LISTED} listed.
 *
 * @param unpublished appended corrections whose publication failed (the republish runbook sends
 *     them)
 */
public record CorrectionTotals(
    long appended,
    long wouldAppend,
    long needingOperator,
    long skipped,
    long unpublished,
    List<HistoryCorrection> listed) {

  public CorrectionTotals {
    listed = listed == null ? List.of() : List.copyOf(listed);
  }

  public static CorrectionTotals none() {
    return new CorrectionTotals(0, 0, 0, 0, 0, List.of());
  }

  public CorrectionTotals plus(List<HistoryCorrection> found) {
    List<HistoryCorrection> all = new ArrayList<>(listed);
    long[] counts = {appended, wouldAppend, needingOperator, skipped, unpublished};
    for (HistoryCorrection c : found) {
      counts[index(c.outcome())]++;
      if (Boolean.FALSE.equals(c.published())) {
        counts[4]++;
      }
      if (all.size() < ReplayTotals.MAX_LISTED) {
        all.add(c);
      }
    }
    return new CorrectionTotals(counts[0], counts[1], counts[2], counts[3], counts[4], all);
  }

  private static int index(CorrectionOutcome outcome) {
    return switch (outcome) {
      case APPENDED -> 0;
      case WOULD_APPEND -> 1;
      case NEEDS_OPERATOR -> 2;
      case SKIPPED -> 3;
    };
  }
}
