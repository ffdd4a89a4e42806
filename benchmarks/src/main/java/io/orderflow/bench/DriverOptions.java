package io.orderflow.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The load driver's settings. Every one has a default, so a bare run measures what the event store
 * issue asks for; {@link #USAGE} lists them.
 *
 * @param appendThreads the thread counts the append throughput is measured at
 * @param warmup how long both append variants run, interleaved and unmeasured, before the rounds;
 *     long enough by default for the JIT to compile both paths (docs/performance.md)
 * @param round how long one measured round lasts; both variants run in it, interleaved
 * @param rounds measured rounds; each one's figures are printed, so drift shows
 * @param orderSizes events per order for the load latency
 * @param loadSamples timed loads per order size and variant
 * @param loadWarmup untimed loads per order size and variant before the timed ones
 * @param snapshotTail how many events the snapshot lags behind the end of the order
 */
public record DriverOptions(
    URI endpoint,
    List<Integer> appendThreads,
    Duration warmup,
    Duration round,
    int rounds,
    List<Integer> orderSizes,
    int loadSamples,
    int loadWarmup,
    int snapshotTail) {

  public static final String USAGE =
      """
      usage: EventStoreLoadDriver [options]
        --endpoint URL        dynalite / DynamoDB endpoint     (default http://127.0.0.1:8000)
        --threads LIST        append thread counts              (default 1,8)
        --warmup-seconds N    unmeasured append warm-up         (default 60)
        --round-seconds N     one measured append round         (default 6)
        --rounds N            measured append rounds            (default 4)
        --sizes LIST          events per order for load latency (default 10,100,1000)
        --samples N           timed loads per size and variant  (default 200)
        --load-warmup N       untimed loads per size and variant (default 20)
        --snapshot-tail N     events after the snapshot         (default 5)
        --help                this text
      """;

  public DriverOptions {
    appendThreads = List.copyOf(appendThreads);
    orderSizes = List.copyOf(orderSizes);
    if (appendThreads.isEmpty() || appendThreads.stream().anyMatch(t -> t < 1)) {
      throw new IllegalArgumentException("--threads needs positive thread counts");
    }
    if (rounds < 1 || loadSamples < 1 || loadWarmup < 0) {
      throw new IllegalArgumentException("--rounds and --samples must be positive");
    }
    if (orderSizes.isEmpty() || orderSizes.stream().anyMatch(s -> s <= snapshotTail)) {
      throw new IllegalArgumentException("every --sizes entry must exceed --snapshot-tail");
    }
    if (snapshotTail < 0) {
      throw new IllegalArgumentException("--snapshot-tail cannot be negative");
    }
  }

  public static DriverOptions defaults() {
    return new DriverOptions(
        URI.create("http://127.0.0.1:8000"),
        List.of(1, 8),
        Duration.ofSeconds(60),
        Duration.ofSeconds(6),
        4,
        List.of(10, 100, 1000),
        200,
        20,
        5);
  }

  /**
   * Reads the command line.
   *
   * @throws IllegalArgumentException for an unknown option, a missing value or a malformed one; the
   *     message says which
   */
  public static DriverOptions parse(String... args) {
    DriverOptions o = defaults();
    URI endpoint = o.endpoint;
    List<Integer> threads = o.appendThreads;
    Duration warmup = o.warmup;
    Duration round = o.round;
    int rounds = o.rounds;
    List<Integer> sizes = o.orderSizes;
    int samples = o.loadSamples;
    int loadWarmup = o.loadWarmup;
    int tail = o.snapshotTail;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--help")) {
        throw new HelpRequested();
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[++i];
      switch (name) {
        case "--endpoint" -> endpoint = URI.create(value);
        case "--threads" -> threads = ints(name, value);
        case "--warmup-seconds" -> warmup = Duration.ofSeconds(positive(name, value));
        case "--round-seconds" -> round = Duration.ofSeconds(positive(name, value));
        case "--rounds" -> rounds = positive(name, value);
        case "--sizes" -> sizes = ints(name, value);
        case "--samples" -> samples = positive(name, value);
        case "--load-warmup" -> loadWarmup = number(name, value);
        case "--snapshot-tail" -> tail = number(name, value);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    return new DriverOptions(
        endpoint, threads, warmup, round, rounds, sizes, samples, loadWarmup, tail);
  }

  /** Thrown by {@link #parse} for {@code --help}: the caller prints {@link #USAGE}. */
  public static final class HelpRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HelpRequested() {
      super("help requested");
    }
  }

  private static List<Integer> ints(String name, String value) {
    List<Integer> out = new ArrayList<>();
    for (String part : Arrays.asList(value.split(","))) {
      out.add(positive(name, part.trim()));
    }
    return out;
  }

  private static int positive(String name, String value) {
    int n = number(name, value);
    if (n < 1) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return n;
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " takes a whole number, was '" + value + "'", e);
    }
  }
}
