package io.orderflow.recovery.rebuild;

import java.util.ArrayList;
import java.util.List;

/** What the scan and the catch-up read, wrote and could not fold, summed: a report's body. */
record Tally(
    RebuildReport.Scanned scanned,
    long resumedSegments,
    CaughtUp caughtUp,
    long unfoldable,
    List<String> problems) {

  static final Tally NONE = new Tally(RebuildReport.Scanned.NONE, 0, null, 0, List.of());

  static Tally of(List<SegmentRebuilt> scans, CaughtUp caughtUp) {
    List<String> problems = new ArrayList<>();
    long unfoldable = caughtUp.unfoldable();
    for (SegmentRebuilt scan : scans) {
      unfoldable += scan.unfoldable();
      add(problems, scan.problems());
    }
    add(problems, caughtUp.problems());
    return new Tally(
        new RebuildReport.Scanned(
            scans.stream().mapToLong(SegmentRebuilt::commits).sum(),
            scans.stream().mapToLong(SegmentRebuilt::events).sum(),
            scans.stream().mapToLong(SegmentRebuilt::orders).sum(),
            scans.stream().mapToLong(SegmentRebuilt::rows).sum()),
        scans.stream().filter(s -> s.resumedAfter() > 0).count(),
        caughtUp,
        unfoldable,
        List.copyOf(problems));
  }

  static Tally of(CaughtUp caughtUp) {
    return of(List.of(), caughtUp);
  }

  /**
   * @param generation the generation built, rolled back to or dropped
   * @param pointer where the read model stands at the end: active and previous table, revision
   */
  RebuildReport report(
      RebuildInput input, String outcome, String generation, Swapped pointer, String eventsTable) {
    return new RebuildReport(
        input.rebuildId(),
        input.projection(),
        input.action(),
        input.dryRun(),
        outcome,
        generation,
        pointer.activeTable(),
        pointer.previousTable(),
        pointer.revision(),
        eventsTable,
        scanned,
        resumedSegments,
        caughtUp,
        unfoldable,
        problems);
  }

  private static void add(List<String> into, List<String> more) {
    for (String problem : more) {
      if (into.size() < RebuildReport.MAX_LISTED) {
        into.add(problem);
      }
    }
  }
}
