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
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Appends per second through orderflow's store and through a bare conditional put of the same item,
 * alternated round by round (A B B A …) so that drift and noise hit both. Every append starts a new
 * order, and each thread writes only its own orders, so nothing conflicts.
 */
final class AppendThroughput {
  enum Variant {
    ORDERFLOW,
    RAW
  }

  /** Appends and elapsed time of one variant at one thread count, summed over its rounds. */
  record Measured(
      Variant variant, int threads, long appends, long nanos, long cpuNanos, long failures) {
    double perSecond() {
      return appends * 1e9 / nanos;
    }

    /** CPU the appending threads used per append: the client's own work, SDK included. */
    double cpuMicrosPerAppend() {
      return cpuNanos / 1e3 / appends;
    }
  }

  record Result(int threads, Measured orderflow, Measured raw, List<String> roundLog) {
    double ratio() {
      return orderflow.perSecond() / raw.perSecond();
    }
  }

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
    run(Variant.ORDERFLOW, threads, warmup);
    run(Variant.RAW, threads, warmup);
    Measured of = new Measured(Variant.ORDERFLOW, threads, 0, 0, 0, 0);
    Measured raw = new Measured(Variant.RAW, threads, 0, 0, 0, 0);
    List<String> log = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      List<Variant> order =
          i % 2 == 0
              ? List.of(Variant.ORDERFLOW, Variant.RAW)
              : List.of(Variant.RAW, Variant.ORDERFLOW);
      for (Variant v : order) {
        Measured m = run(v, threads, round);
        log.add(String.format("%s=%.1f/s", v, m.perSecond()));
        if (v == Variant.ORDERFLOW) {
          of = add(of, m);
        } else {
          raw = add(raw, m);
        }
      }
    }
    return new Result(threads, of, raw, log);
  }

  private static Measured add(Measured a, Measured b) {
    return new Measured(
        a.variant(),
        a.threads(),
        a.appends() + b.appends(),
        a.nanos() + b.nanos(),
        a.cpuNanos() + b.cpuNanos(),
        a.failures() + b.failures());
  }

  private Measured run(Variant variant, int threads, Duration length) throws Exception {
    AtomicLong appends = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    AtomicLong cpu = new AtomicLong();
    ThreadMXBean threadCpu = ManagementFactory.getThreadMXBean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      long deadline = start + length.toNanos();
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  long cpuStart = threadCpu.getCurrentThreadCpuTime();
                  while (System.nanoTime() < deadline) {
                    try {
                      appendOne(variant);
                      appends.incrementAndGet();
                    } catch (RuntimeException e) {
                      if (failures.getAndIncrement() == 0) {
                        System.err.println(variant + " append failed: " + e);
                      }
                    }
                  }
                  cpu.addAndGet(threadCpu.getCurrentThreadCpuTime() - cpuStart);
                }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
      long elapsed = System.nanoTime() - start;
      return new Measured(variant, threads, appends.get(), elapsed, cpu.get(), failures.get());
    } finally {
      pool.shutdownNow();
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
