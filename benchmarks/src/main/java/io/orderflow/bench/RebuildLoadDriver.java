package io.orderflow.bench;

import io.orderflow.aws.AwsEndpoints;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.recovery.rebuild.RebuildInput;
import io.orderflow.recovery.rebuild.RebuildReport;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Measures orderflow's projection rebuild against a running dynalite (or DynamoDB), beside a raw
 * parallel scan of the same events table in the same run (the physical limit here): seeds fresh
 * tables with real orders as RestoreLoadDriver does (not measured), then takes turns at a raw scan
 * of every attribute (the baseline), a raw scan of the three attributes a fold reads, and the real
 * rebuild workflow (RebuildWorkflows: fold every order, write the new generation, catch up, swap),
 * all with the same segments. Prints one report; docs/performance.md explains it.
 */
public final class RebuildLoadDriver {
  /** The goal: a rebuild reads at least this share of the raw scan rate. */
  static final double GOAL = 0.70;

  static final String USAGE =
      """
      usage: RebuildLoadDriver [options]
        --endpoint URL     dynalite / DynamoDB endpoint              (default http://127.0.0.1:8000)
        --events N         events in the table, one per commit       (default 100000)
        --segments N       scan segments, raw and rebuild, 1-32      (default 4)
        --rounds N         raw scan + rebuild pairs, alternating     (default 2)
        --projection NAME  order-summary or revenue                  (default order-summary)
        --dynalite-pid N   also report the CPU seconds of this process (default: none)
        --help             this text
      """;

  private RebuildLoadDriver() {}

  /** The driver's settings; every one has a default, so a bare run measures what the issue asks. */
  record Options(
      URI endpoint, int events, int segments, int rounds, String projection, long dynalitePid) {
    static Options parse(String... args) {
      URI endpoint = URI.create("http://127.0.0.1:8000");
      int events = 100_000;
      int segments = 4;
      int rounds = 2;
      String projection = "order-summary";
      long dynalitePid = 0;
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (name.equals("--help")) {
          throw new DriverOptions.HelpRequested();
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args[++i];
        switch (name) {
          case "--endpoint" -> endpoint = URI.create(value);
          case "--events" -> events = number(name, value);
          case "--segments" -> segments = number(name, value);
          case "--rounds" -> rounds = number(name, value);
          case "--projection" -> projection = value;
          case "--dynalite-pid" -> dynalitePid = number(name, value);
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
      if (events < 1 || rounds < 1 || segments < 1 || segments > RebuildInput.MAX_SEGMENTS) {
        throw new IllegalArgumentException(
            "--events and --rounds must be positive, --segments between 1 and 32");
      }
      return new Options(endpoint, events, segments, rounds, projection, dynalitePid);
    }

    private static int number(String name, String value) {
      try {
        return Integer.parseInt(value.replace("_", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " takes a whole number, was '" + value + "'", e);
      }
    }
  }

  /** One measured run: events read, the wall time and the CPU seconds each process spent. */
  record Run(long events, long items, long nanos, Map<String, Double> cpu) {
    double rate() {
      return nanos == 0 ? 0 : events / (nanos / 1e9);
    }
  }

  /** What a caller (a smoke test) checks: both rates and that every event was read. */
  record Result(
      long seededEvents, double rawRate, double rebuildRate, List<RebuildReport> reports) {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (DriverOptions.HelpRequested help) {
      System.out.print(USAGE);
      return;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    run(options, args, System.out);
    // the in-process Temporal server and gRPC leave non-daemon threads behind
    System.exit(0);
  }

  static Result run(Options o, String[] args, PrintStream out) throws Exception {
    AwsEndpoints endpoints = AwsEndpoints.local(o.endpoint().toString(), "http://127.0.0.1:4566");
    ProcessCpu cpu =
        new ProcessCpu(o.dynalitePid() > 0 ? Map.of("dynalite", o.dynalitePid()) : Map.of());
    List<String> generations = new ArrayList<>();
    try (DynamoDbClient dynamo = endpoints.dynamoDbClient();
        BenchTables tables = new BenchTables(dynamo)) {
      TableNames names = tables.names();
      try {
        return measure(o, args, out, dynamo, names, cpu, generations);
      } finally {
        dropTables(dynamo, names, generations);
      }
    }
  }

  private static Result measure(
      Options o,
      String[] args,
      PrintStream out,
      DynamoDbClient dynamo,
      TableNames names,
      ProcessCpu cpu,
      List<String> generations)
      throws Exception {
    RunFacts.print(out, "orderflow projection rebuild load driver", RebuildLoadDriver.class, args);
    out.printf("endpoint       %s (tables %s*)%n", o.endpoint(), prefix(names));
    RunFacts.loadAverage(out, "start");
    out.printf(
        "rebuild        %s from %d events, %d segments, %d round(s)%n%n",
        o.projection(), o.events(), o.segments(), o.rounds());
    out.println("seeding (not measured)...");
    long t0 = System.nanoTime();
    RestoreSeed.Seeded seeded = new RestoreSeed(dynamo, names).write(o.events(), Integer.MAX_VALUE);
    out.printf(
        "seeded         %d orders, %d commits, %d events in %.1f s%n%n",
        seeded.orders(), seeded.commits(), seeded.events(), seconds(System.nanoTime() - t0));

    Map<Variant, List<Run>> runs = new EnumMap<>(Variant.class);
    List<Map<String, Long>> phases = new ArrayList<>();
    List<RebuildReport> reports = new ArrayList<>();
    try (RebuildWorkflows workflows = new RebuildWorkflows(dynamo, names)) {
      for (int round = 0; round < o.rounds(); round++) {
        // raw, projected, rebuild; then rebuild, projected, raw: drift and warm-up hit all
        List<Variant> order = new ArrayList<>(List.of(Variant.values()));
        if (round % 2 == 1) {
          Collections.reverse(order);
        }
        for (Variant variant : order) {
          out.printf("round %d: %s...%n", round + 1, variant.label);
          Map<String, Double> before = cpu.read();
          Run run;
          if (variant == Variant.REBUILD) {
            String id = "b" + round;
            long start = System.nanoTime();
            RebuildReport report = workflows.rebuild(o.projection(), id, o.segments());
            long nanos = System.nanoTime() - start;
            generations.add(report.generation());
            reports.add(report);
            phases.add(workflows.phases(o.projection(), id));
            run =
                new Run(
                    report.scanned().events(),
                    report.scanned().commits(),
                    nanos,
                    ProcessCpu.delta(before, cpu.read()));
            out.printf(
                "  %d orders folded, %d rows written (%s)%n",
                report.scanned().orders(), report.scanned().rows(), report.outcome());
          } else {
            run = rawScan(dynamo, names.events(), o.segments(), variant == Variant.PROJECTED);
            run =
                new Run(
                    run.events(), run.items(), run.nanos(), ProcessCpu.delta(before, cpu.read()));
          }
          runs.computeIfAbsent(variant, v -> new ArrayList<>()).add(run);
          out.printf(
              "  %d events (%d items) in %.2f s = %.1f events/s; CPU s %s%n",
              run.events(), run.items(), seconds(run.nanos()), run.rate(), cpuText(run.cpu()));
        }
      }
    }
    Result result = report(out, o, seeded, runs, phases, reports);
    RunFacts.loadAverage(out, "end");
    return result;
  }

  /** What each round measures. */
  enum Variant {
    RAW("raw parallel scan, every attribute (the baseline)"),
    PROJECTED("raw parallel scan, the 3 attributes a fold reads"),
    REBUILD("orderflow rebuild, whole workflow");

    final String label;

    Variant(String label) {
      this.label = label;
    }
  }

  /**
   * Every item of the table read by {@code segments} threads, one scan segment each, with the
   * requests the rebuild makes (consistent, DynamoDB's page size) and nothing else done.
   */
  static Run rawScan(DynamoDbClient dynamo, String table, int segments, boolean projected)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(segments);
    try {
      long start = System.nanoTime();
      List<Future<long[]>> parts = new ArrayList<>();
      for (int s = 0; s < segments; s++) {
        int segment = s;
        parts.add(pool.submit(() -> scanSegment(dynamo, table, segment, segments, projected)));
      }
      long events = 0;
      long items = 0;
      for (Future<long[]> part : parts) {
        long[] counts = part.get();
        items += counts[0];
        events += counts[1];
      }
      return new Run(events, items, System.nanoTime() - start, Map.of());
    } finally {
      pool.shutdownNow();
    }
  }

  private static long[] scanSegment(
      DynamoDbClient dynamo, String table, int segment, int total, boolean projected) {
    long items = 0;
    long events = 0;
    Map<String, AttributeValue> start = null;
    do {
      ScanRequest.Builder request =
          ScanRequest.builder()
              .tableName(table)
              .segment(segment)
              .totalSegments(total)
              .consistentRead(true);
      if (projected) {
        request
            .projectionExpression("#o, #v, #e")
            .expressionAttributeNames(Map.of("#o", "orderId", "#v", "version", "#e", "events"));
      }
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      ScanResponse page = dynamo.scan(request.build());
      for (Map<String, AttributeValue> item : page.items()) {
        items++;
        events += item.get("events").l().size();
      }
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
    return new long[] {items, events};
  }

  private static Result report(
      PrintStream out,
      Options o,
      RestoreSeed.Seeded seeded,
      Map<Variant, List<Run>> runs,
      List<Map<String, Long>> phases,
      List<RebuildReport> reports) {
    out.printf(
        "%n-- projection rebuild of %s from %d events (%d commits, %d orders), %d segments;"
            + " %d round(s) --%n",
        o.projection(),
        seeded.events(),
        seeded.commits(),
        seeded.orders(),
        o.segments(),
        o.rounds());
    out.printf(
        "%-50s %11s %8s %15s  %s%n",
        "variant", "events/s", "wall s", "events/round", "CPU s/round");
    for (Variant variant : Variant.values()) {
      List<Run> list = runs.get(variant);
      Map<String, Double> cpu = new LinkedHashMap<>();
      list.forEach(r -> r.cpu().forEach((k, v) -> cpu.merge(k, v / list.size(), Double::sum)));
      out.printf(
          "%-50s %11.1f %8.2f %15s  %s%n",
          variant.label,
          rate(list),
          seconds(list.stream().mapToLong(Run::nanos).sum()) / list.size(),
          list.get(0).events() + " of " + seeded.events(),
          cpuText(cpu));
    }
    double rawRate = rate(runs.get(Variant.RAW));
    double rebuildRate = rate(runs.get(Variant.REBUILD));
    double share = rebuildRate / rawRate;
    out.printf(
        "rebuild rate: %.1f%% of the raw scan rate (goal >= %.0f%%: %s); %.1f%% of the"
            + " projected scan rate%n",
        100 * share,
        100 * GOAL,
        share >= GOAL ? "met" : "MISSED",
        100 * rebuildRate / rate(runs.get(Variant.PROJECTED)));
    out.println("-- phases of each rebuild, seconds, from its workflow history --");
    for (int r = 0; r < phases.size(); r++) {
      StringBuilder line = new StringBuilder(String.format("rebuild %d:", r + 1));
      phases
          .get(r)
          .forEach((name, nanos) -> line.append(String.format("  %s %.2f", name, seconds(nanos))));
      long scan = phases.get(r).getOrDefault("scan", 0L);
      line.append(
          String.format(
              "  (scan phase alone %.1f events/s)",
              scan == 0 ? 0 : reports.get(r).scanned().events() / seconds(scan)));
      out.println(line);
    }
    return new Result(seeded.events(), rawRate, rebuildRate, reports);
  }

  private static String cpuText(Map<String, Double> cpu) {
    StringBuilder text = new StringBuilder();
    cpu.forEach(
        (process, secs) ->
            text.append(text.length() == 0 ? "" : ", ")
                .append(process)
                .append(String.format(" %.2f", secs)));
    return text.toString();
  }

  /**
   * Every table of the run, generations included, each with time to go: deleting a table of 100,000
   * items takes dynalite longer than the client's 5 s call timeout. BenchTables then finds its own
   * gone.
   */
  private static void dropTables(
      DynamoDbClient dynamo, TableNames names, List<String> generations) {
    List<String> tables = new ArrayList<>(generations);
    tables.addAll(
        List.of(
            names.events(),
            names.snapshots(),
            names.projections(),
            names.operations(),
            names.control(),
            names.quarantine(),
            names.revenue()));
    for (String table : tables) {
      try {
        dynamo.deleteTable(
            r ->
                r.tableName(table)
                    .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMinutes(5))));
      } catch (ResourceNotFoundException gone) {
        // nothing to clean up
      }
    }
  }

  private static double rate(List<Run> runs) {
    long events = runs.stream().mapToLong(Run::events).sum();
    long nanos = runs.stream().mapToLong(Run::nanos).sum();
    return nanos == 0 ? 0 : events / seconds(nanos);
  }

  private static String prefix(TableNames names) {
    return names.events().substring(0, names.events().length() - "order_events".length());
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
