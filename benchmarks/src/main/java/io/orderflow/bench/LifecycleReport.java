package io.orderflow.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle driver's printed report: machine facts, the command, each figure by its baseline.
 */
final class LifecycleReport {
  static final double CREATE_P95_GOAL_MS = 100;
  static final int CREATE_GOAL_CLIENTS = 8;
  static final double READ_P95_GOAL_MS = 20;
  static final double FRACTION_GOAL = 0.5;

  /** One client count: orderflow's walks, the baseline's workflows, and the server's view. */
  record Level(
      ClosedLoop.Result orderflow,
      ClosedLoop.Result baseline,
      Map<String, ServerMetrics.Series> server,
      Map<String, ServerMetrics.Series> baselineSide,
      Map<String, Double> cpu,
      Map<String, Double> baselineCpu) {

    double fraction() {
      return orderflow.perSecond() / baseline.perSecond();
    }
  }

  private final PrintStream out;

  LifecycleReport(PrintStream out) {
    this.out = out;
  }

  void header(LifecycleOptions o, String[] args) {
    RunFacts.print(out, "orderflow order lifecycle load driver", LifecycleLoadDriver.class, args);
    out.printf("api            %s%n", o.api());
    out.printf(
        "temporal       %s, namespace %s (baseline worker in this JVM, queue bench-baseline)%n",
        o.temporal(), o.namespace());
    RunFacts.loadAverage(out, "start");
    out.printf(
        "plan           clients %s, %ds per level and variant, warm-up %ds per variant;"
            + " variants alternate O B / B O by level%n",
        o.clients(), o.duration().toSeconds(), o.warmup().toSeconds());
    out.println(
        "walk           create -> confirm -> pay (the total) -> ship -> deliver -> read;"
            + " baseline: start + result of a one-activity workflow");
    out.println();
  }

  void progress(String variant, ClosedLoop.Result r, String unit) {
    out.printf(
        "  %-9s %2d client(s): %8.2f %s/s (%d in %.1f s, %d failed)%n",
        variant,
        r.clients(),
        r.perSecond(),
        unit,
        r.completed(),
        r.elapsed().toMillis() / 1000.0,
        r.failures().values().stream().mapToInt(Integer::intValue).sum());
  }

  void results(List<Level> levels) {
    out.println();
    out.println("-- throughput: order walks to DELIVERED vs baseline workflows, same server --");
    out.printf(
        "%-8s %14s %14s %10s %7s %16s%n",
        "clients", "orders/s", "baseline wf/s", "fraction", "goal", "done (of/base)");
    for (Level l : levels) {
      out.printf(
          "%-8d %14.2f %14.2f %9.1f%% %7s %7d / %-7d%n",
          l.orderflow().clients(),
          l.orderflow().perSecond(),
          l.baseline().perSecond(),
          100 * l.fraction(),
          l.fraction() >= FRACTION_GOAL ? "met" : "MISSED",
          l.orderflow().completed(),
          l.baseline().completed());
    }
    out.printf(
        "goal: orderflow orders/s >= %.0f%% of the baseline's workflows/s%n%n",
        100 * FRACTION_GOAL);
    tasks(levels);

    latencyTable("orderflow, per operation", levels, true, OrderWalk.OPERATIONS);
    latencyTable("baseline, per workflow", levels, false, NoopRun.OPERATIONS);
    goals(levels);
    failures(levels);
    cpu(levels);
    server(levels);
  }

  // The same comparison per unit of Temporal work: workflow tasks plus activity tasks, counted by
  // each side's own SDK metrics over the level. A local activity is neither: it costs the server
  // nothing but the marker in its workflow task's completion.
  private void tasks(List<Level> levels) {
    out.println("-- Temporal tasks (workflow tasks + activity tasks, from the metrics) --");
    out.println(
        "   local activities run inside their workflow task and are not counted here; see"
            + " temporal_local_activity_* below");
    out.printf(
        "%-8s %12s %12s %12s %12s %10s%n",
        "clients", "of per walk", "of tasks/s", "base per wf", "base tasks/s", "fraction");
    for (Level l : levels) {
      double ours = tasks(l.server());
      double base = tasks(l.baselineSide());
      double oursPerSecond = ours / seconds(l.orderflow());
      double basePerSecond = base / seconds(l.baseline());
      out.printf(
          "%-8d %12.2f %12.1f %12.2f %12.1f %9.1f%%%n",
          l.orderflow().clients(),
          ours / l.orderflow().completed(),
          oursPerSecond,
          base / l.baseline().completed(),
          basePerSecond,
          100 * oursPerSecond / basePerSecond);
    }
    out.println();
  }

  private static double tasks(Map<String, ServerMetrics.Series> m) {
    return ServerMetrics.count(m, "temporal_workflow_task_execution_latency_seconds")
        + ServerMetrics.count(m, "temporal_activity_execution_latency_seconds");
  }

  private static double seconds(ClosedLoop.Result r) {
    return r.elapsed().toNanos() / 1e9;
  }

  private void latencyTable(String title, List<Level> levels, boolean orderflow, List<String> ops) {
    out.println("-- latency, ms, client side (" + title + "; exact nearest-rank) --");
    out.printf(
        "%-8s %-9s %8s %9s %9s %9s %9s %9s%n",
        "clients", "operation", "samples", "mean", "p50", "p95", "p99", "max");
    for (Level l : levels) {
      ClosedLoop.Result r = orderflow ? l.orderflow() : l.baseline();
      for (String op : ops) {
        Latencies lat = r.latencies().get(op);
        if (lat == null || lat.count() == 0) {
          out.printf("%-8d %-9s %8d%n", r.clients(), op, 0);
          continue;
        }
        out.printf(
            "%-8d %-9s %8d %9.3f %9.3f %9.3f %9.3f %9.3f%n",
            r.clients(), op, lat.count(), mean(lat), lat.p(50), lat.p(95), lat.p(99), lat.p(100));
      }
    }
    out.println();
  }

  private void goals(List<Level> levels) {
    out.println("-- goals --");
    for (Level l : levels) {
      ClosedLoop.Result r = l.orderflow();
      if (r.clients() == CREATE_GOAL_CLIENTS) {
        verdict(
            "create p95 < %.0f ms at %d clients".formatted(CREATE_P95_GOAL_MS, CREATE_GOAL_CLIENTS),
            p95(r, "create"),
            CREATE_P95_GOAL_MS);
      }
    }
    for (Level l : levels) {
      verdict(
          "read p95 < %.0f ms at %d client(s)".formatted(READ_P95_GOAL_MS, l.orderflow().clients()),
          p95(l.orderflow(), "read"),
          READ_P95_GOAL_MS);
    }
    for (Level l : levels) {
      out.printf(
          "  %-40s %9.1f%%  %s%n",
          "orders/s >= 50%% of baseline at %d client(s)".formatted(l.orderflow().clients()),
          100 * l.fraction(),
          l.fraction() >= FRACTION_GOAL ? "met" : "MISSED");
    }
    out.println();
  }

  private void verdict(String goal, double value, double limit) {
    out.printf(
        "  %-40s %9.3f ms %s%n",
        goal, value, Double.isNaN(value) ? "NO SAMPLES" : value < limit ? "met" : "MISSED");
  }

  private void failures(List<Level> levels) {
    boolean any = false;
    for (Level l : levels) {
      for (var r : List.of(l.orderflow(), l.baseline())) {
        for (var f : r.failures().entrySet()) {
          if (!any) {
            out.println("-- failed iterations (each abandoned; not in the throughput) --");
            any = true;
          }
          out.printf(
              "  %s @%d: %dx %s%n",
              r == l.orderflow() ? "orderflow" : "baseline", r.clients(), f.getValue(), f.getKey());
        }
      }
    }
    if (!any) {
      out.println("-- failed iterations: none --");
    }
    out.println();
  }

  private void server(List<Level> levels) {
    out.println("-- where the time goes: timers' delta over each level, mean from _sum/_count --");
    out.println("   orderflow: the API's /actuator/prometheus (its co-hosted workers included);");
    out.println(
        "   baseline: the SDK metrics of this JVM's client and worker. per it = per walk"
            + " / per workflow");
    for (Level l : levels) {
      series("orderflow", l.orderflow(), l.server());
      series("baseline", l.baseline(), l.baselineSide());
    }
    out.println();
  }

  private void cpu(List<Level> levels) {
    out.println("-- CPU time per level (seconds over the level; ms per walk / per workflow) --");
    out.printf(
        "%-8s %-20s %12s %12s %12s %12s%n",
        "clients", "process", "of s", "of ms/walk", "base s", "base ms/wf");
    for (Level l : levels) {
      l.cpu()
          .forEach(
              (name, seconds) -> {
                double base = l.baselineCpu().getOrDefault(name, Double.NaN);
                out.printf(
                    "%-8d %-20s %12.2f %12.1f %12.2f %12.1f%n",
                    l.orderflow().clients(),
                    name,
                    seconds,
                    1000 * seconds / l.orderflow().completed(),
                    base,
                    1000 * base / l.baseline().completed());
              });
    }
    out.println();
  }

  private void series(String variant, ClosedLoop.Result r, Map<String, ServerMetrics.Series> m) {
    long done = r.completed();
    out.printf("%s @%d (%d done)%n", variant, r.clients(), done);
    if (m.isEmpty()) {
      out.println("  (metrics unavailable)");
      return;
    }
    out.printf("  %-100s %8s %8s %9s%n", "series", "count", "per it", "mean ms");
    m.forEach(
        (name, s) ->
            out.printf(
                "  %-100s %8.0f %8.2f %9.3f%n",
                name,
                s.count(),
                done == 0 ? Double.NaN : s.count() / done,
                1000 * s.sumSeconds() / s.count()));
  }

  void footer() {
    RunFacts.loadAverage(out, "end");
  }

  private static double p95(ClosedLoop.Result r, String op) {
    Latencies lat = r.latencies().get(op);
    return lat == null || lat.count() == 0 ? Double.NaN : lat.p(95);
  }

  private static double mean(Latencies lat) {
    double sum = 0;
    for (long n : lat.sortedNanos()) {
      sum += n;
    }
    return sum / lat.count() / 1e6;
  }
}
