package io.orderflow.recovery;

import io.orderflow.workers.temporal.LocalTemporalServer;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The stage of a kill test: a local Temporal server of its own, and worker processes started from
 * the test's class path that the test can kill with SIGKILL (no shutdown hook runs). Each worker's
 * output is kept under {@code target/<name>-<uuid>/}, so a failure can be read after the run.
 */
public final class KilledWorkers implements AutoCloseable {
  public final Path logs;
  public final WorkflowServiceStubs service;
  public final WorkflowClient client;
  private final LocalTemporalServer server;
  private final List<Process> processes = new ArrayList<>();

  public KilledWorkers(String name) throws IOException {
    logs = Files.createDirectories(Path.of("target", name + "-" + UUID.randomUUID()));
    server = LocalTemporalServer.start(InetAddress.getLoopbackAddress(), 0);
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
    client = WorkflowClient.newInstance(service);
  }

  /** Where the workers reach the Temporal server. */
  public String target() {
    return server.target();
  }

  /** Starts {@code main} in a JVM of its own; its output goes to {@code <name>.log}. */
  public Process start(String name, Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve(name + ".log").toFile())
            .start();
    processes.add(process);
    return process;
  }

  /**
   * Starts a worker process whose first arguments are where it finds Temporal, the test dynalite
   * and the table prefix of {@code eventsTable}; {@code more} follow.
   */
  public Process startWorker(String name, Class<?> main, String eventsTable, String... more)
      throws IOException {
    List<String> args = new ArrayList<>();
    args.add(target());
    args.add(System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000"));
    args.add(eventsTable.substring(0, eventsTable.indexOf("order_")));
    args.addAll(List.of(more));
    return start(name, main, args.toArray(String[]::new));
  }

  /** What a worker printed so far. */
  public String log(String name) throws IOException {
    return Files.readString(logs.resolve(name + ".log"));
  }

  /**
   * Polls a workflow's progress query until it reports {@code phase}; the query fails until a
   * worker has taken the workflow's first task, which counts as not yet.
   */
  public static void awaitPhase(Supplier<String> progressPhase, String phase)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      try {
        if (phase.equals(progressPhase.get())) {
          return;
        }
      } catch (RuntimeException notYet) {
        // no worker has taken the first workflow task yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the workflow never reached " + phase);
  }

  @Override
  public void close() {
    processes.forEach(Process::destroyForcibly);
    service.shutdownNow();
    server.close();
  }
}
