package io.orderflow.bench;

import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Appends per second through orderflow's store and through a bare conditional put of the same item.
 * Every thread alternates the two append by append (O R R O …), so that whatever the server is
 * doing at a given moment (dynalite slows down as its in-memory store grows, and pauses for its own
 * garbage collection) is paid by both variants alike. A variant's throughput is then what a closed
 * loop of that many threads doing only that variant would reach at the latencies measured: threads
 * ÷ mean latency. Every append starts a new order, and each thread writes only its own orders, so
 * nothing conflicts.
 */
final class AppendThroughput {
  enum Variant {
    ORDERFLOW,
    RAW
  }

  /**
   * One variant's appends at one thread count, summed over rounds.
   *
   * @param busyNanos the time its appends took, summed over the threads
   * @param cpuNanos CPU the appending threads used during its appends: the client's own work, SDK
   *     included
   */
  record Measured(
      Variant variant, int threads, long appends, long busyNanos, long cpuNanos, long failures) {
    double perSecond() {
      return busyNanos == 0 ? 0 : appends * threads * 1e9 / busyNanos;
    }

    double cpuMicrosPerAppend() {
      return appends == 0 ? 0 : cpuNanos / 1e3 / appends;
    }

    Measured plus(Measured other) {
      return new Measured(
          variant,
          threads,
          appends + other.appends,
          busyNanos + other.busyNanos,
          cpuNanos + other.cpuNanos,
          failures + other.failures);
    }
  }

  record Result(int threads, Measured orderflow, Measured raw, List<String> roundLog) {
    double ratio() {
      return orderflow.perSecond() / raw.perSecond();
    }
  }

  private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();

  private final DynamoDbEventStore store;
  private final DynamoDbClient dynamo;
  private final String table;
  private final RawCommitItem rawItem;

  AppendThroughput(DynamoDbEventStore store, DynamoDbClient dynamo, String table) {
    this.store = store;
    this.dynamo = dynamo;
    this.table = table;
    this.rawItem = new RawCommitItem(templateItem());
  }

  /** Orderflow's item as it lands, for the raw variant to copy, with its approximate size. */
  Map<String, AttributeValue> templateItem() {
    String orderId = UUID.randomUUID().toString();
    store.append(SampleCommits.firstCommit(orderId));
    return dynamo
        .getItem(
            r ->
                r.tableName(table)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "orderId",
                            AttributeValue.fromS(orderId),
                            "version",
                            AttributeValue.fromN("1"))))
        .item();
  }

  long rawItemBytes() {
    return RawCommitItem.size(rawItem.forOrder(UUID.randomUUID().toString()));
  }

  Result measure(int threads, Duration warmup, Duration round, int rounds) throws Exception {
    run(threads, warmup);
    Measured of = new Measured(Variant.ORDERFLOW, threads, 0, 0, 0, 0);
    Measured raw = new Measured(Variant.RAW, threads, 0, 0, 0, 0);
    List<String> log = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      Measured[] r = run(threads, round);
      of = of.plus(r[0]);
      raw = raw.plus(r[1]);
      log.add(
          String.format(
              "%.1f/%.1f (%.1f%%)",
              r[0].perSecond(), r[1].perSecond(), 100 * r[0].perSecond() / r[1].perSecond()));
    }
    return new Result(threads, of, raw, log);
  }

  /** One round of {@code length}: orderflow's figures, then the raw put's. */
  private Measured[] run(int threads, Duration length) throws Exception {
    Tally tally = new Tally();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long deadline = System.nanoTime() + length.toNanos();
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> appendAlternately(deadline, tally)));
      }
      for (Future<?> w : workers) {
        w.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new Measured[] {
      tally.measured(Variant.ORDERFLOW, threads), tally.measured(Variant.RAW, threads)
    };
  }

  // O R R O …: neither variant always goes first after the other.
  private void appendAlternately(long deadline, Tally tally) {
    Variant[] variants = Variant.values();
    for (long pair = 0; System.nanoTime() < deadline; pair++) {
      for (int k = 0; k < 2; k++) {
        Variant v = variants[(int) ((pair + k) % 2)];
        long cpuStart = THREAD_CPU.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        boolean ok = false;
        try {
          appendOne(v);
          ok = true;
        } catch (RuntimeException e) {
          if (tally.failures.get(v.ordinal()) == 0) {
            System.err.println(v + " append failed: " + e);
          }
        }
        tally.add(
            v, ok, System.nanoTime() - start, THREAD_CPU.getCurrentThreadCpuTime() - cpuStart);
      }
    }
  }

  /** What the threads of one round add up, per variant. */
  private static final class Tally {
    final AtomicLongArray appends = new AtomicLongArray(2);
    final AtomicLongArray busy = new AtomicLongArray(2);
    final AtomicLongArray cpu = new AtomicLongArray(2);
    final AtomicLongArray failures = new AtomicLongArray(2);

    void add(Variant v, boolean ok, long nanos, long cpuNanos) {
      int i = v.ordinal();
      (ok ? appends : failures).incrementAndGet(i);
      busy.addAndGet(i, nanos);
      cpu.addAndGet(i, cpuNanos);
    }

    Measured measured(Variant v, int threads) {
      int i = v.ordinal();
      return new Measured(v, threads, appends.get(i), busy.get(i), cpu.get(i), failures.get(i));
    }
  }

  private void appendOne(Variant variant) {
    String orderId = UUID.randomUUID().toString();
    if (variant == Variant.ORDERFLOW) {
      store.append(SampleCommits.firstCommit(orderId));
    } else {
      Map<String, AttributeValue> item = rawItem.forOrder(orderId);
      dynamo.putItem(
          r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(orderId)"));
    }
  }
}
