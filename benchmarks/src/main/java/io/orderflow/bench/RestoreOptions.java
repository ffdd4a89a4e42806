package io.orderflow.bench;

import java.net.URI;

/**
 * The restore driver's settings. Every one has a default, so a bare run measures what the restore
 * issue asks for; {@link #USAGE} lists them.
 *
 * @param events events in the backup, one per commit as the order workflow writes them
 * @param parallelism files imported at once, by the restore and by the raw import alike; also the
 *     restore's scan segments and the backup's
 * @param sample orders the measured restore rebuilds and checks against rules and snapshots
 * @param snapshotEvery one order in this many has a snapshot
 * @param rounds raw import and restore pairs; the pairs alternate which goes first (R O, O R, ...)
 * @param allOrders also run one restore that rebuilds every order, reported separately
 */
public record RestoreOptions(
    URI endpoint,
    int events,
    int parallelism,
    int sample,
    int snapshotEvery,
    int rounds,
    boolean allOrders) {

  public static final String USAGE =
      """
      usage: RestoreLoadDriver [options]
        --endpoint URL        dynalite / DynamoDB endpoint          (default http://127.0.0.1:8000)
        --events N            events in the backup, one per commit  (default 100000)
        --parallelism N       files / scan segments at once, 1-32   (default 4)
        --sample N            orders the restore rebuilds           (default 200)
        --snapshot-every N    one order in N has a snapshot         (default 3)
        --rounds N            raw/restore pairs, alternating        (default 1)
        --all-orders BOOL     then one restore rebuilding all       (default true)
        --help                this text
      """;

  public RestoreOptions {
    if (events < 1 || sample < 1 || snapshotEvery < 1 || rounds < 1) {
      throw new IllegalArgumentException(
          "--events, --sample, --snapshot-every and --rounds must be positive");
    }
    if (parallelism < 1 || parallelism > 32) {
      throw new IllegalArgumentException("--parallelism must be between 1 and 32");
    }
  }

  public static RestoreOptions defaults() {
    return new RestoreOptions(URI.create("http://127.0.0.1:8000"), 100_000, 4, 200, 3, 1, true);
  }

  /**
   * Reads the command line.
   *
   * @throws IllegalArgumentException for an unknown option, a missing value or a malformed one; the
   *     message says which
   * @throws DriverOptions.HelpRequested for {@code --help}
   */
  public static RestoreOptions parse(String... args) {
    RestoreOptions o = defaults();
    URI endpoint = o.endpoint;
    int events = o.events;
    int parallelism = o.parallelism;
    int sample = o.sample;
    int snapshotEvery = o.snapshotEvery;
    int rounds = o.rounds;
    boolean allOrders = o.allOrders;
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
        case "--parallelism" -> parallelism = number(name, value);
        case "--sample" -> sample = number(name, value);
        case "--snapshot-every" -> snapshotEvery = number(name, value);
        case "--rounds" -> rounds = number(name, value);
        case "--all-orders" -> allOrders = bool(name, value);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    return new RestoreOptions(
        endpoint, events, parallelism, sample, snapshotEvery, rounds, allOrders);
  }

  private static boolean bool(String name, String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(name + " takes true or false, was '" + value + "'");
    };
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " takes a whole number, was '" + value + "'", e);
    }
  }
}
