package io.orderflow.bench;

import io.orderflow.backup.BackupManifest;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The restore driver's report: both rates, the cost of validation, and each restore's phases. */
final class RestoreFigures {
  /** The goal: validation costs less than this share of the raw import rate. */
  static final double GOAL = 0.30;

  private RestoreFigures() {}

  /** One measured import or restore, as it finishes. */
  static void progress(PrintStream out, long items, long nanos) {
    out.printf("  %d items in %.2f s = %.1f items/s%n", items, seconds(nanos), rate(items, nanos));
  }

  /**
   * Prints both rates over all rounds, the cost of validation against the goal, the restore that
   * rebuilt every order (when there was one) and each restore's phases; returns the figures.
   */
  static RestoreLoadDriver.Result report(
      PrintStream out,
      RestoreOptions o,
      BackupManifest manifest,
      List<RestoreRawImport.Run> raws,
      List<RestoreWorkflows.Restore> restores,
      RestoreWorkflows.Restore everyOrder) {
    long rawItems = raws.stream().mapToLong(RestoreRawImport.Run::items).sum();
    long rawNanos = raws.stream().mapToLong(RestoreRawImport.Run::nanos).sum();
    long ofItems = restores.stream().mapToLong(RestoreWorkflows.Restore::restoredItems).sum();
    long ofNanos = restores.stream().mapToLong(RestoreWorkflows.Restore::nanos).sum();
    double rawRate = rate(rawItems, rawNanos);
    double ofRate = rate(ofItems, ofNanos);
    long anomalies = restores.stream().mapToLong(r -> r.report().anomalyCount()).sum();

    out.printf(
        "%n-- full restore of %d items (%d commits, %d snapshots) in %d files,"
            + " %d at once; %d round(s) --%n",
        manifest.items(),
        restores.get(0).report().expected().commits(),
        restores.get(0).report().expected().snapshots(),
        manifest.fileCount(),
        o.parallelism(),
        o.rounds());
    out.printf(
        "%-44s %10s %9s %22s %10s%n",
        "variant", "items/s", "wall s", "items restored/round", "anomalies");
    out.printf(
        "%-44s %10.1f %9.2f %22s %10s%n",
        "raw import (baseline)",
        rawRate,
        seconds(rawNanos) / raws.size(),
        (rawItems / raws.size()) + " of " + manifest.items(),
        "-");
    out.printf(
        "%-44s %10.1f %9.2f %22s %10d%n",
        "orderflow restore, dry run, sample " + o.sample(),
        ofRate,
        seconds(ofNanos) / restores.size(),
        (ofItems / restores.size()) + " of " + manifest.items(),
        anomalies);
    double cost = 1 - ofRate / rawRate;
    out.printf(
        "cost of validation: %.1f%% of the raw import rate (goal < %.0f%%: %s)%n",
        100 * cost, 100 * GOAL, cost < GOAL ? "met" : "MISSED");
    // A real restore keeps its tables; only the dry run waits for them to be dropped.
    long keptNanos = restores.stream().mapToLong(r -> r.nanosWithout(RestoreWorkflows.DROP)).sum();
    double keptRate = rate(ofItems, keptNanos);
    out.printf(
        "%-44s %10.1f %9.2f%n",
        "  the same, less the dry run's table drop",
        keptRate,
        seconds(keptNanos) / restores.size());
    out.printf(
        "cost of validation, less the dry run's table drop: %.1f%% (goal < %.0f%%: %s)%n",
        100 * (1 - keptRate / rawRate),
        100 * GOAL,
        1 - keptRate / rawRate < GOAL ? "met" : "MISSED");
    if (everyOrder != null) {
      double allRate = rate(everyOrder.restoredItems(), everyOrder.nanos());
      out.printf(
          "%-44s %10.1f %9.2f %22s %10d%n",
          "orderflow restore, dry run, every order",
          allRate,
          seconds(everyOrder.nanos()),
          everyOrder.restoredItems() + " of " + manifest.items(),
          everyOrder.report().anomalyCount());
      out.printf(
          "cost of validation with every order rebuilt: %.1f%% (%d orders rebuilt,"
              + " %d snapshots compared)%n",
          100 * (1 - allRate / rawRate),
          everyOrder.report().reconstructed(),
          everyOrder.report().snapshotsCompared());
    }
    phases(out, manifest.items(), rawRate, restores, everyOrder);
    return new RestoreLoadDriver.Result(
        manifest.items(),
        rawItems / raws.size(),
        ofItems / restores.size(),
        anomalies,
        rawRate,
        ofRate);
  }

  /** Where each restore's wall time went, from its workflow history. */
  private static void phases(
      PrintStream out,
      long items,
      double rawRate,
      List<RestoreWorkflows.Restore> restores,
      RestoreWorkflows.Restore everyOrder) {
    List<RestoreWorkflows.Restore> all = new ArrayList<>(restores);
    List<String> headers = new ArrayList<>();
    for (int i = 0; i < restores.size(); i++) {
      headers.add("sample r" + (i + 1));
    }
    if (everyOrder != null) {
      all.add(everyOrder);
      headers.add("every order");
    }
    out.printf(
        "-- phases of each restore, seconds (share of its wall time), from its workflow history --%n");
    StringBuilder head = new StringBuilder(String.format("%-44s", "phase"));
    headers.forEach(h -> head.append(String.format(" %17s", h)));
    out.println(head);
    List<RestoreWorkflows.Phase> first = all.get(0).phases();
    for (int p = 0; p < first.size(); p++) {
      StringBuilder line = new StringBuilder(String.format("%-44s", first.get(p).name()));
      for (RestoreWorkflows.Restore r : all) {
        line.append(cell(r.phases().get(p).nanos(), r.nanos()));
      }
      out.println(line);
    }
    StringBuilder other =
        new StringBuilder(String.format("%-44s", "other: registry, workflow tasks"));
    StringBuilder wall = new StringBuilder(String.format("%-44s", "wall time"));
    for (RestoreWorkflows.Restore r : all) {
      long phased = r.phases().stream().mapToLong(RestoreWorkflows.Phase::nanos).sum();
      other.append(cell(r.nanos() - phased, r.nanos()));
      wall.append(cell(r.nanos(), r.nanos()));
    }
    out.println(other);
    out.println(wall);
    StringBuilder importRate =
        new StringBuilder(String.format("%-44s", "import phase alone, items/s"));
    for (RestoreWorkflows.Restore r : all) {
      long importNanos =
          r.phases().stream()
              .filter(p -> p.name().equals("import"))
              .mapToLong(RestoreWorkflows.Phase::nanos)
              .sum();
      importRate.append(String.format(" %17.1f", rate(items, importNanos)));
    }
    out.println(importRate + String.format("   (raw import %.1f)", rawRate));
  }

  private static String cell(long nanos, long of) {
    return String.format(" %9.2f (%4.1f%%)", seconds(nanos), 100.0 * nanos / of);
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }

  static double rate(long items, long nanos) {
    return nanos == 0 ? 0 : items / seconds(nanos);
  }
}
