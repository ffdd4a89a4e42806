package io.orderflow.bench;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.bench.baseline.BaselineWorker;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Measures the order lifecycle end to end against a running stack: clients create orders through
 * the REST API and walk each to DELIVERED, at each client count, beside a baseline measured in the
 * same run on the same Temporal server (a one-activity workflow with its own worker in this JVM).
 * Prints one report; docs/performance.md explains it.
 */
public final class LifecycleLoadDriver {
  private static final Duration SETTLE = Duration.ofSeconds(2);

  private LifecycleLoadDriver() {}

  public static void main(String[] args) throws Exception {
    LifecycleOptions options;
    try {
      options = LifecycleOptions.parse(args);
    } catch (DriverOptions.HelpRequested help) {
      System.out.print(LifecycleOptions.USAGE);
      return;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(LifecycleOptions.USAGE);
      System.exit(2);
      return;
    }
    run(options, args, System.out);
    // gRPC and the HTTP client leave non-daemon threads behind.
    System.exit(0);
  }

  static void run(LifecycleOptions o, String[] args, PrintStream out) throws Exception {
    HttpClient http = OrderWalk.newHttpClient();
    requireApi(http, o.api());
    // The baseline's SDK metrics, to set beside what the API's workers report.
    SimpleMeterRegistry baselineMeters = new SimpleMeterRegistry();
    Scope scope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(baselineMeters))
            .reportEvery(com.uber.m3.util.Duration.ofSeconds(1));
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(o.temporal())
                .setMetricsScope(scope)
                .build());
    WorkflowClient client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace(o.namespace()).build());
    LifecycleReport report = new LifecycleReport(out);
    ServerMetrics metrics = new ServerMetrics(http, o.api());
    ProcessCpu processes = new ProcessCpu(o.watch());
    BaselineWorker worker = BaselineWorker.start(client);
    try {
      report.header(o, args);
      if (!o.warmup().isZero()) {
        int clients = Math.min(8, Collections.max(o.clients()));
        out.printf(
            "warming up, %d clients, %ds per variant (not measured)...%n",
            clients, o.warmup().toSeconds());
        report.progress("orderflow", orderflow(http, o, clients, o.warmup()), "orders");
        report.progress("baseline", baseline(client, clients, o.warmup()), "wf");
      }
      List<LifecycleReport.Level> levels = new ArrayList<>();
      for (int i = 0; i < o.clients().size(); i++) {
        int clients = o.clients().get(i);
        out.printf("measuring at %d client(s)...%n", clients);
        ClosedLoop.Result ours = null;
        ClosedLoop.Result base = null;
        Map<String, ServerMetrics.Series> server = Map.of();
        Map<String, ServerMetrics.Series> baselineSide = Map.of();
        Map<String, Double> cpu = Map.of();
        Map<String, Double> baselineCpu = Map.of();
        // Alternate which variant goes first (O B, B O, ...) so drift does not favour one.
        for (boolean orderflowTurn :
            i % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
          Thread.sleep(SETTLE.toMillis());
          if (orderflowTurn) {
            var before = metrics.read();
            var cpuBefore = processes.read();
            ours = orderflow(http, o, clients, o.duration());
            cpu = ProcessCpu.delta(cpuBefore, processes.read());
            server = ServerMetrics.delta(before, metrics.read());
            report.progress("orderflow", ours, "orders");
          } else {
            var before = ServerMetrics.read(baselineMeters);
            var cpuBefore = processes.read();
            base = baseline(client, clients, o.duration());
            baselineCpu = ProcessCpu.delta(cpuBefore, processes.read());
            // the scope reports every second; let it flush what the level recorded
            Thread.sleep(1500);
            baselineSide = ServerMetrics.delta(before, ServerMetrics.read(baselineMeters));
            report.progress("baseline", base, "wf");
          }
        }
        levels.add(new LifecycleReport.Level(ours, base, server, baselineSide, cpu, baselineCpu));
      }
      report.results(levels);
      report.footer();
    } finally {
      worker.close();
      service.shutdown();
    }
  }

  private static ClosedLoop.Result orderflow(
      HttpClient http, LifecycleOptions o, int clients, Duration duration)
      throws InterruptedException {
    return ClosedLoop.run(clients, duration, c -> new OrderWalk(http, o.api(), c));
  }

  private static ClosedLoop.Result baseline(WorkflowClient client, int clients, Duration duration)
      throws InterruptedException {
    return ClosedLoop.run(clients, duration, c -> new NoopRun(client));
  }

  private static void requireApi(HttpClient http, URI api) {
    URI health = api.resolve("/actuator/health");
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(health + " answered " + r.statusCode() + ": " + r.body());
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the API at " + api + " does not answer; ./orderflow up", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
