package io.orderflow.recovery.restore;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything validation and reconstruction found, summed over the segments, with the counts held
 * against the manifest.
 */
record Findings(
    BackupPlan plan,
    RestoreReport.Counts expected,
    RestoreReport.Counts found,
    long reconstructed,
    long snapshotsCompared,
    long anomalyCount,
    List<Anomaly> anomalies,
    List<String> sample) {

  static Findings of(
      BackupPlan plan, List<SegmentValidation> validations, List<Reconstruction> rebuilt) {
    RestoreReport.Counts expected =
        new RestoreReport.Counts(plan.eventItems(), plan.snapshotItems(), plan.orders());
    RestoreReport.Counts found =
        new RestoreReport.Counts(
            validations.stream().mapToLong(SegmentValidation::commits).sum(),
            validations.stream().mapToLong(SegmentValidation::snapshots).sum(),
            validations.stream().mapToLong(SegmentValidation::orders).sum());
    List<Anomaly> anomalies = new ArrayList<>();
    long count = 0;
    count += mismatch("commits", expected.commits(), found.commits(), anomalies);
    count += mismatch("snapshots", expected.snapshots(), found.snapshots(), anomalies);
    if (expected.orders() >= 0) {
      count += mismatch("orders", expected.orders(), found.orders(), anomalies);
    }
    for (SegmentValidation v : validations) {
      count += v.anomalyCount();
      add(anomalies, v.anomalies());
    }
    for (Reconstruction r : rebuilt) {
      count += r.anomalyCount();
      add(anomalies, r.anomalies());
    }
    List<String> sample = new ArrayList<>();
    validations.forEach(v -> sample.addAll(v.sample()));
    return new Findings(
        plan,
        expected,
        found,
        rebuilt.stream().mapToLong(Reconstruction::orders).sum(),
        rebuilt.stream().mapToLong(Reconstruction::snapshotsCompared).sum(),
        count,
        List.copyOf(anomalies),
        List.copyOf(sample));
  }

  RestoreReport report(
      FullRestoreInput input,
      String outcome,
      ActivePointer restored,
      ActivePointer previous,
      List<String> ramp) {
    return new RestoreReport(
        input.restoreId(),
        input.backupId(),
        input.dryRun(),
        outcome,
        restored,
        previous,
        expected,
        found,
        reconstructed,
        snapshotsCompared,
        anomalyCount,
        anomalies,
        plan.notes() == null ? List.of() : List.copyOf(plan.notes()),
        List.copyOf(ramp));
  }

  private static long mismatch(String what, long expected, long found, List<Anomaly> anomalies) {
    if (expected == found) {
      return 0;
    }
    add(
        anomalies,
        List.of(
            new Anomaly(
                "COUNT_MISMATCH",
                null,
                0,
                "the manifest states "
                    + expected
                    + " "
                    + what
                    + ", the restored tables hold "
                    + found)));
    return 1;
  }

  private static void add(List<Anomaly> into, List<Anomaly> more) {
    for (Anomaly a : more) {
      if (into.size() < RestoreReport.MAX_LISTED) {
        into.add(a);
      }
    }
  }
}
