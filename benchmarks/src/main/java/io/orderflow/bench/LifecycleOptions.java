package io.orderflow.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle load driver's settings; every one has a default, so a bare run measures what the
 * order lifecycle issue asks for against the dev stack. {@link #USAGE} lists them.
 *
 * @param api the running API's base URL
 * @param temporal the Temporal frontend the API's workers use, where the baseline runs too
 * @param namespace the Temporal namespace of both
 * @param clients the concurrent client counts, each measured for {@code duration}
 * @param duration how long each client count runs, per variant
 * @param warmup how long each variant runs, unmeasured, before the first level
 * @param watch processes whose CPU time each level reports, by name ({@code --watch api=123,...})
 */
public record LifecycleOptions(
    URI api,
    String temporal,
    String namespace,
    List<Integer> clients,
    Duration duration,
    Duration warmup,
    Map<String, Long> watch) {

  public static final String USAGE =
      """
      usage: LifecycleLoadDriver [options]
        --api URL             the running API                 (default http://127.0.0.1:8080)
        --temporal HOST:PORT  its Temporal frontend           (default 127.0.0.1:7233)
        --namespace NAME      Temporal namespace              (default default)
        --clients LIST        concurrent client counts        (default 1,8,32)
        --seconds N           measured time per level/variant (default 20)
        --warmup-seconds N    unmeasured warm-up per variant  (default 10; 0 skips it)
        --watch NAME=PID,...  processes whose CPU time to report per level (Linux; default none)
        --help                this text
      """;

  public LifecycleOptions {
    clients = List.copyOf(clients);
    watch = Map.copyOf(watch);
    if (clients.isEmpty() || clients.stream().anyMatch(c -> c < 1)) {
      throw new IllegalArgumentException("--clients needs positive client counts");
    }
    if (duration.isZero() || duration.isNegative() || warmup.isNegative()) {
      throw new IllegalArgumentException("--seconds must be positive");
    }
  }

  public static LifecycleOptions defaults() {
    return new LifecycleOptions(
        URI.create("http://127.0.0.1:8080"),
        "127.0.0.1:7233",
        "default",
        List.of(1, 8, 32),
        Duration.ofSeconds(20),
        Duration.ofSeconds(10),
        Map.of());
  }

  /**
   * Reads the command line.
   *
   * @throws IllegalArgumentException for an unknown option, a missing value or a malformed one; the
   *     message says which
   * @throws DriverOptions.HelpRequested for {@code --help}
   */
  public static LifecycleOptions parse(String... args) {
    LifecycleOptions o = defaults();
    URI api = o.api;
    String temporal = o.temporal;
    String namespace = o.namespace;
    List<Integer> clients = o.clients;
    Duration duration = o.duration;
    Duration warmup = o.warmup;
    Map<String, Long> watch = o.watch;
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
        case "--api" -> api = URI.create(value);
        case "--temporal" -> temporal = value;
        case "--namespace" -> namespace = value;
        case "--clients" -> clients = counts(name, value);
        case "--seconds" -> duration = Duration.ofSeconds(number(name, value));
        case "--warmup-seconds" -> warmup = Duration.ofSeconds(number(name, value));
        case "--watch" -> watch = processes(name, value);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    return new LifecycleOptions(api, temporal, namespace, clients, duration, warmup, watch);
  }

  private static List<Integer> counts(String name, String value) {
    List<Integer> out = new ArrayList<>();
    for (String part : value.split(",")) {
      out.add(number(name, part.trim()));
    }
    return out;
  }

  private static Map<String, Long> processes(String name, String value) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String part : value.split(",")) {
      String[] pair = part.trim().split("=", 2);
      if (pair.length != 2 || pair[0].isBlank()) {
        throw new IllegalArgumentException(name + " takes NAME=PID pairs, was '" + part + "'");
      }
      out.put(pair[0], (long) number(name, pair[1]));
    }
    return out;
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " takes a whole number, was '" + value + "'", e);
    }
  }
}
