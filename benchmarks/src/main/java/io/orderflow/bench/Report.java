package io.orderflow.bench;

import io.orderflow.snapshot.OrderLoader;
import io.orderflow.snapshot.SnapshotPolicy;
import java.io.PrintStream;
import java.util.List;

/** The driver's printed report: machine facts, the command, and each figure beside its baseline. */
final class Report {
  private static final double APPEND_GOAL = 0.90;
  private static final double LOAD_GOAL = 2.0;

  private final PrintStream out;

  Report(PrintStream out) {
    this.out = out;
  }

  void header(DriverOptions o, String[] args, String eventsTable) {
    RunFacts.print(out, "orderflow event store load driver", EventStoreLoadDriver.class, args);
    out.printf("endpoint       %s (table %s)%n", o.endpoint(), eventsTable);
    RunFacts.loadAverage(out, "start");
    out.printf(
        "appends        threads %s, warm-up %ds, %d rounds x %ds; each thread alternates orderflow and"
            + " raw appends (O R R O ...), app/s = threads / mean latency%n",
        o.appendThreads(), o.warmup().toSeconds(), o.rounds(), o.round().toSeconds());
    out.printf(
        "loads          sizes %s, %d warm-up + %d timed loads per size and variant, snapshot %d"
            + " events before the end%n",
        o.orderSizes(), o.loadWarmup(), o.loadSamples(), o.snapshotTail());
    out.println();
  }

  void appends(List<AppendThroughput.Result> results, long orderflowBytes, long rawBytes) {
    out.printf(
        "-- append throughput (one OrderCreated, 3 items; item ~%d B orderflow, ~%d B raw) --%n",
        orderflowBytes, rawBytes);
    out.printf(
        "%-8s %16s %16s %12s %7s %24s %s%n",
        "threads",
        "orderflow app/s",
        "raw put app/s",
        "orderflow %",
        "goal",
        "client CPU us/app (of/raw)",
        "failures (of/raw)");
    for (AppendThroughput.Result r : results) {
      out.printf(
          "%-8d %16.1f %16.1f %11.1f%% %7s %12.1f / %-11.1f %d/%d%n",
          r.threads(),
          r.orderflow().perSecond(),
          r.raw().perSecond(),
          100 * r.ratio(),
          r.ratio() >= APPEND_GOAL ? "met" : "MISSED",
          r.orderflow().cpuMicrosPerAppend(),
          r.raw().cpuMicrosPerAppend(),
          r.orderflow().failures(),
          r.raw().failures());
    }
    for (AppendThroughput.Result r : results) {
      out.printf(
          "rounds @%d (orderflow/raw app/s): %s%n", r.threads(), String.join(", ", r.roundLog()));
    }
    out.printf("goal: orderflow >= %.0f%% of the raw put%n%n", 100 * APPEND_GOAL);
  }

  void loads(List<LoadLatency.Cell> cells, int tail) {
    out.println("-- load latency, ms (with = OrderLoader, snapshot " + tail + " events back;");
    out.println(
        "   an order within the loader's first page ("
            + OrderLoader.firstPage(SnapshotPolicy.defaults())
            + " commits) is read in one query, no snapshot;");
    out.println("   without = readEvents + decode + Order.fold of the whole stream) --");
    out.printf(
        "%-7s | %9s %9s %9s | %9s %9s %9s | %s%n",
        "events", "with p50", "p95", "p99", "w/o p50", "p95", "p99", "samples");
    for (LoadLatency.Cell c : cells) {
      out.printf(
          "%-7d | %9.3f %9.3f %9.3f | %9.3f %9.3f %9.3f | %d%n",
          c.events(),
          c.withSnapshot().p(50),
          c.withSnapshot().p(95),
          c.withSnapshot().p(99),
          c.withoutSnapshot().p(50),
          c.withoutSnapshot().p(95),
          c.withoutSnapshot().p(99),
          c.withSnapshot().count());
    }
    LoadLatency.Cell smallest = cells.get(0);
    LoadLatency.Cell largest = cells.get(cells.size() - 1);
    out.printf("ratio %d vs %d events:%n", largest.events(), smallest.events());
    for (double p : new double[] {50, 95, 99}) {
      double with = largest.withSnapshot().p(p) / smallest.withSnapshot().p(p);
      double without = largest.withoutSnapshot().p(p) / smallest.withoutSnapshot().p(p);
      out.printf(
          "  p%.0f  with snapshots %.2fx (%s)   without snapshots %.2fx%n",
          p, with, with <= LOAD_GOAL ? "met" : "MISSED", without);
    }
    out.printf("goal: with snapshots, <= %.0fx (judged on p50)%n", LOAD_GOAL);
  }

  void footer() {
    RunFacts.loadAverage(out, "end");
  }
}
