package io.orderflow.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.aws.AwsEndpoints;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.snapshot.SnapshotStore;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Measures the event store against a running dynalite (or DynamoDB) on fresh tables that it deletes
 * at the end: append throughput beside a raw conditional put of the same item, and load latency
 * with and without snapshots. Prints one report; docs/performance.md explains it.
 */
public final class EventStoreLoadDriver {
  private EventStoreLoadDriver() {}

  public static void main(String[] args) throws Exception {
    DriverOptions options;
    try {
      options = DriverOptions.parse(args);
    } catch (DriverOptions.HelpRequested help) {
      System.out.print(DriverOptions.USAGE);
      return;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(DriverOptions.USAGE);
      System.exit(2);
      return;
    }
    run(options, args, System.out);
  }

  static void run(DriverOptions options, String[] args, PrintStream out) throws Exception {
    AwsEndpoints endpoints =
        AwsEndpoints.local(options.endpoint().toString(), "http://127.0.0.1:4566");
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (DynamoDbClient dynamo = endpoints.dynamoDbClient();
        BenchTables tables = new BenchTables(dynamo)) {
      DynamoDbEventStore store =
          new DynamoDbEventStore(
              dynamo, tables.names(), new EventCodec(), Clock.systemUTC(), meters);
      Report report = new Report(out);
      report.header(options, args, tables.names().events());

      AppendThroughput appends = new AppendThroughput(store, dynamo, tables.names().events());
      List<AppendThroughput.Result> appendResults = new ArrayList<>();
      for (int threads : options.appendThreads()) {
        out.printf("measuring appends at %d thread(s)...%n", threads);
        appendResults.add(
            appends.measure(threads, options.warmup(), options.round(), options.rounds()));
      }
      long itemBytes = RawCommitItem.size(appends.templateItem());
      report.appends(appendResults, itemBytes, appends.rawItemBytes());

      out.println("building orders and measuring loads...");
      SnapshotStore snapshots = new SnapshotStore(dynamo, tables.names());
      LoadLatency loads = new LoadLatency(store, snapshots, meters);
      report.loads(
          loads.measure(
              options.orderSizes(),
              options.snapshotTail(),
              options.loadWarmup(),
              options.loadSamples()),
          options.snapshotTail());
      report.footer();
    }
  }
}
