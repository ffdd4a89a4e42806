package io.orderflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

/**
 * A closed-loop load: N clients, each on its own thread, repeat one iteration (an order walk, a
 * baseline workflow) back to back until the duration is up, then finish the iteration they are in.
 * Throughput counts completed iterations over the time until the last client finished, so a slow
 * tail is not hidden; every timed operation of every completed or failed iteration is kept for
 * exact percentiles.
 */
final class ClosedLoop {
  private ClosedLoop() {}

  /** One unit of work for one client; it times its steps with the recorder. */
  interface Iteration {
    void run(Recorder recorder) throws Exception;
  }

  /** A step that answered something other than what the walk expects. */
  static final class StepFailed extends Exception {
    private static final long serialVersionUID = 1L;

    StepFailed(String message) {
      super(message);
    }
  }

  /** What one level of load gave. */
  record Result(
      int clients,
      long completed,
      Duration elapsed,
      Map<String, Latencies> latencies,
      Map<String, Integer> failures) {

    double perSecond() {
      return completed / (elapsed.toNanos() / 1e9);
    }
  }

  /** Per-client samples; confined to its client's thread until the run is over. */
  static final class Recorder {
    private final Map<String, List<Long>> samples = new LinkedHashMap<>();

    <T> T time(String operation, Step<T> step) throws Exception {
      long start = System.nanoTime();
      T value = step.call();
      samples.computeIfAbsent(operation, o -> new ArrayList<>()).add(System.nanoTime() - start);
      return value;
    }
  }

  /** A timed call. */
  interface Step<T> {
    T call() throws Exception;
  }

  static Result run(int clients, Duration duration, IntFunction<Iteration> iterationOfClient)
      throws InterruptedException {
    List<Recorder> recorders = new ArrayList<>();
    long[] completed = new long[clients];
    List<Map<String, Integer>> failures = new ArrayList<>();
    CountDownLatch ready = new CountDownLatch(clients);
    CountDownLatch go = new CountDownLatch(1);
    long[] deadline = new long[1];
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      Recorder recorder = new Recorder();
      Map<String, Integer> failed = new TreeMap<>();
      recorders.add(recorder);
      failures.add(failed);
      Iteration iteration = iterationOfClient.apply(client);
      Thread t =
          new Thread(
              () -> {
                ready.countDown();
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                while (System.nanoTime() < deadline[0]) {
                  try {
                    iteration.run(recorder);
                    completed[client]++;
                  } catch (Exception e) {
                    failed.merge(describe(e), 1, Integer::sum);
                  }
                }
              },
              "client-" + client);
      threads.add(t);
      t.start();
    }
    ready.await();
    long start = System.nanoTime();
    deadline[0] = start + duration.toNanos();
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new Result(clients, sum(completed), elapsed, merge(recorders), mergeCounts(failures));
  }

  private static String describe(Exception e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    String text = e.getClass().getSimpleName() + message;
    return text.length() > 160 ? text.substring(0, 160) + "..." : text;
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long v : values) {
      total += v;
    }
    return total;
  }

  private static Map<String, Latencies> merge(List<Recorder> recorders) {
    Map<String, List<Long>> all = new LinkedHashMap<>();
    for (Recorder r : recorders) {
      r.samples.forEach((op, s) -> all.computeIfAbsent(op, o -> new ArrayList<>()).addAll(s));
    }
    Map<String, Latencies> out = new LinkedHashMap<>();
    all.forEach(
        (op, s) -> out.put(op, Latencies.of(s.stream().mapToLong(Long::longValue).toArray())));
    return out;
  }

  private static Map<String, Integer> mergeCounts(List<Map<String, Integer>> maps) {
    Map<String, Integer> out = new TreeMap<>();
    maps.forEach(m -> m.forEach((k, v) -> out.merge(k, v, Integer::sum)));
    return out;
  }
}
