package io.orderflow.bench;

import io.orderflow.aws.AwsEndpoints;
import io.orderflow.backup.BackupManifest;
import io.orderflow.backup.DirectoryBackupStore;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.recovery.backup.BackupResult;
import io.orderflow.recovery.restore.FullRestoreInput;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Measures orderflow's full restore against a running dynalite (or DynamoDB), beside a raw import
 * of the same backup measured in the same run: seeds fresh tables with real orders (not measured),
 * backs them up with orderflow's backup workflow, then imports the backup raw and restores it with
 * the real restore workflow as a dry run (checksums, hash chains, counts, a sample rebuilt). Prints
 * one report; docs/performance.md explains it.
 */
public final class RestoreLoadDriver {
  private RestoreLoadDriver() {}

  /** What the smoke test checks: both rates, and that every item came back. */
  record Result(
      long backupItems,
      long rawItems,
      long restoredItems,
      long anomalies,
      double rawRate,
      double orderflowRate) {}

  public static void main(String[] args) throws Exception {
    RestoreOptions options;
    try {
      options = RestoreOptions.parse(args);
    } catch (DriverOptions.HelpRequested help) {
      System.out.print(RestoreOptions.USAGE);
      return;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(RestoreOptions.USAGE);
      System.exit(2);
      return;
    }
    run(options, args, System.out);
    // the in-process Temporal server and gRPC leave non-daemon threads behind
    System.exit(0);
  }

  static Result run(RestoreOptions o, String[] args, PrintStream out) throws Exception {
    AwsEndpoints endpoints = AwsEndpoints.local(o.endpoint().toString(), "http://127.0.0.1:4566");
    AwsEndpoints patient =
        new AwsEndpoints(
            endpoints.region(), endpoints.dynamoDb(), endpoints.sns(), Duration.ofMinutes(5));
    Path root = Files.createTempDirectory("orderflow-restore-bench");
    try (DynamoDbClient dynamo = endpoints.dynamoDbClient();
        DynamoDbClient housekeeping = patient.dynamoDbClient();
        BenchTables tables = new BenchTables(housekeeping)) {
      TableNames names = tables.names();
      RunFacts.print(out, "orderflow full restore load driver", RestoreLoadDriver.class, args);
      out.printf("endpoint       %s (tables %s*)%n", o.endpoint(), prefix(names));
      RunFacts.loadAverage(out, "start");
      out.printf(
          "restore        %d events, a snapshot of 1 order in %d, %d files/segments at once,"
              + " sample %d, %d round(s)%s%n%n",
          o.events(),
          o.snapshotEvery(),
          o.parallelism(),
          o.sample(),
          o.rounds(),
          o.allOrders() ? ", then one restore that rebuilds every order" : "");

      out.println("seeding (not measured)...");
      long t0 = System.nanoTime();
      RestoreSeed.Seeded seeded =
          new RestoreSeed(dynamo, names).write(o.events(), o.snapshotEvery());
      out.printf(
          "seeded         %d orders, %d commits, %d events, %d snapshots = %d items in %.1f s%n",
          seeded.orders(),
          seeded.commits(),
          seeded.events(),
          seeded.snapshots(),
          seeded.items(),
          RestoreFigures.seconds(System.nanoTime() - t0));

      DirectoryBackupStore store = new DirectoryBackupStore(root);
      try (RestoreWorkflows workflows = new RestoreWorkflows(dynamo, names, store)) {
        String backupId = "bench-" + prefix(names).replace("_", "");
        t0 = System.nanoTime();
        BackupResult backup = workflows.backUp(backupId, o.parallelism());
        BackupManifest manifest = store.read(backupId).orElseThrow();
        out.printf(
            "backed up      %s: %d items in %d files, %d bytes (gzip), %d orders, in %.1f s"
                + " (orderflow's backup workflow, not measured)%n%n",
            backupId,
            manifest.items(),
            backup.files(),
            backup.bytes(),
            backup.orders(),
            RestoreFigures.seconds(System.nanoTime() - t0));

        RestoreRawImport raw = new RestoreRawImport(dynamo, housekeeping, store);
        List<RestoreRawImport.Run> raws = new ArrayList<>();
        List<RestoreWorkflows.Restore> restores = new ArrayList<>();
        for (int round = 0; round < o.rounds(); round++) {
          // R O, O R, ...: drift and warm-up hit both variants
          for (boolean rawTurn :
              round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
            if (rawTurn) {
              out.printf("round %d: raw import...%n", round + 1);
              RestoreRawImport.Run run =
                  raw.run(
                      manifest,
                      names.events() + "-raw" + round,
                      names.snapshots() + "-raw" + round,
                      o.parallelism());
              raws.add(run);
              RestoreFigures.progress(out, run.items(), run.nanos());
            } else {
              out.printf(
                  "round %d: orderflow restore (dry run, sample %d)...%n", round + 1, o.sample());
              RestoreWorkflows.Restore run =
                  workflows.restore("r" + round, backupId, o.sample(), o.parallelism());
              restores.add(run);
              RestoreFigures.progress(out, run.restoredItems(), run.nanos());
            }
          }
        }
        RestoreWorkflows.Restore everyOrder = null;
        if (o.allOrders()) {
          out.println("orderflow restore (dry run, every order rebuilt)...");
          everyOrder =
              workflows.restore("all", backupId, FullRestoreInput.ALL_ORDERS, o.parallelism());
          RestoreFigures.progress(out, everyOrder.restoredItems(), everyOrder.nanos());
        }
        Result result = RestoreFigures.report(out, o, manifest, raws, restores, everyOrder);
        RunFacts.loadAverage(out, "end");
        RestoreRawImport.drop(housekeeping, names.events());
        RestoreRawImport.drop(housekeeping, names.snapshots());
        return result;
      }
    } finally {
      deleteTree(root);
    }
  }

  private static String prefix(TableNames names) {
    return names.events().substring(0, names.events().length() - "order_events".length());
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
