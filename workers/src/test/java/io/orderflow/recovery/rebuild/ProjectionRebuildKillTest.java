package io.orderflow.recovery.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.recovery.AwaitedResult;
import io.orderflow.workers.temporal.LocalTemporalServer;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Fault: the process hosting a rebuild is killed (SIGKILL, no shutdown hook runs) while it scans,
 * and a new process takes over. The rebuild must end as an uninterrupted one would: every commit
 * counted once and every row right, the interrupted segments resumed from their last heartbeat
 * rather than from the start.
 */
class ProjectionRebuildKillTest {
  static final int ORDERS = 60;
  static final String WORKFLOW_ID = "rebuild-order-summary-kill";

  // Kept after the run (under target/), so a failure can be read.
  final Path logs = Path.of("target", "rebuild-kill-" + UUID.randomUUID());
  final LiveOrders orders = new LiveOrders().create(ORDERS);
  final String queue = "rebuild-kill-" + UUID.randomUUID();
  final List<Process> processes = new ArrayList<>();
  LocalTemporalServer server;
  WorkflowServiceStubs service;

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
    if (service != null) {
      service.shutdownNow();
    }
    if (server != null) {
      server.close();
    }
    orders.close();
  }

  @Test
  @DisplayName(
      "a worker killed mid-scan is replaced; the rebuild resumes from its heartbeats and counts"
          + " every commit once")
  void survivesAKilledWorker() throws Exception {
    Files.createDirectories(logs);
    server = LocalTemporalServer.start(InetAddress.getLoopbackAddress(), 0);
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
    WorkflowClient client = WorkflowClient.newInstance(service);

    Process first = worker(300, "first");
    ProjectionRebuildWorkflow rebuild =
        client.newWorkflowStub(
            ProjectionRebuildWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(WORKFLOW_ID).setTaskQueue(queue).build());
    WorkflowClient.start(
        rebuild::run,
        new RebuildInput(
            "op-kill",
            OrderSummaryProjection.NAME,
            "kill",
            RebuildAction.REBUILD,
            false,
            2,
            "tester",
            null,
            false,
            1,
            60));
    awaitScanning(rebuild);
    Thread.sleep(1_500); // a few pages into each segment

    first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    assertThat(first.isAlive()).isFalse();
    Path secondLog = logs.resolve("second.log");
    worker(0, "second");

    RebuildReport report =
        AwaitedResult.of(
            WorkflowStub.fromTyped(rebuild), service, Duration.ofMinutes(5), RebuildReport.class);

    assertThat(report.outcome()).isEqualTo("SWAPPED");
    assertThat(report.resumedSegments()).isPositive();
    assertThat(report.scanned().commits()).isEqualTo(orders.commits());
    assertThat(report.scanned().orders()).isEqualTo(ORDERS);
    for (String id : orders.ids) {
      assertThat(orders.summary.get(id).orElseThrow().lastVersion())
          .as(id)
          .isEqualTo(orders.fold(id).version());
    }
    assertThat(Files.readString(secondLog))
        .as("the second worker's log; the first's: %s", Files.readString(logs.resolve("first.log")))
        .contains("resumes after");
    assertThat(retriedScans(client)).isPositive();
  }

  private Process worker(long scanDelayMillis, String name) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String prefix = orders.tables.events().substring(0, orders.tables.events().indexOf("order_"));
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                RebuildWorkerProcess.class.getName(),
                server.target(),
                System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000"),
                prefix,
                queue,
                Long.toString(scanDelayMillis),
                "5")
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve(name + ".log").toFile())
            .start();
    processes.add(process);
    return process;
  }

  private static void awaitScanning(ProjectionRebuildWorkflow rebuild) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      try {
        if ("SCANNING".equals(rebuild.progress().phase())) {
          return;
        }
      } catch (RuntimeException notYet) {
        // no worker has taken the first workflow task yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the rebuild never reached SCANNING");
  }

  private static long retriedScans(WorkflowClient client) {
    return client.fetchHistory(WORKFLOW_ID).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .filter(e -> e.getActivityTaskStartedEventAttributes().getAttempt() > 1)
        .count();
  }
}
