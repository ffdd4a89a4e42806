package io.orderflow.bench;

import io.orderflow.backup.BackupManifest;
import io.orderflow.backup.BackupStore;
import io.orderflow.backup.DynamoDbJson;
import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.recovery.backup.BackupTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The baseline: a backup's data files put into fresh tables as they are, with nothing orderflow
 * adds — no checksum, no item count against the manifest, no validation, no operations registry, no
 * Temporal. The files go in the manifest's order, {@code parallelism} at once, like the restore's
 * import.
 */
final class RestoreRawImport {
  /** One timed import. */
  record Run(long items, long nanos) {}

  private final DynamoDbClient dynamo;
  private final DynamoDbClient housekeeping;
  private final BackupStore store;

  /**
   * @param dynamo the client the import writes with, configured as the restore's
   * @param housekeeping a client patient enough to drop a large table on dynalite, which deletes
   *     every item before it answers
   */
  RestoreRawImport(DynamoDbClient dynamo, DynamoDbClient housekeeping, BackupStore store) {
    this.dynamo = dynamo;
    this.housekeeping = housekeeping;
    this.store = store;
  }

  /**
   * Creates {@code eventsTable} and {@code snapshotsTable} (not timed, as a restore's tables are
   * not the import), imports the backup into them (timed), then drops them.
   */
  Run run(BackupManifest manifest, String eventsTable, String snapshotsTable, int parallelism)
      throws Exception {
    TableBootstrap bootstrap = new TableBootstrap(housekeeping);
    bootstrap.create(TableBootstrap.eventsTable(eventsTable));
    bootstrap.create(TableBootstrap.snapshotsTable(snapshotsTable));
    ExecutorService pool = Executors.newFixedThreadPool(parallelism);
    try {
      long start = System.nanoTime();
      List<Future<Long>> files = new ArrayList<>();
      for (BackupManifest.Table table : manifest.tables()) {
        String target =
            BackupTable.valueOf(table.role()) == BackupTable.EVENTS ? eventsTable : snapshotsTable;
        for (BackupManifest.DataFile file : table.files()) {
          files.add(pool.submit(() -> importFile(manifest.backupId(), file.path(), target)));
        }
      }
      long items = 0;
      for (Future<Long> file : files) {
        items += file.get();
      }
      return new Run(items, System.nanoTime() - start);
    } finally {
      pool.shutdownNow();
      drop(housekeeping, eventsTable);
      drop(housekeeping, snapshotsTable);
    }
  }

  private long importFile(String backupId, String path, String table) {
    RestoreBatches batches = new RestoreBatches(dynamo, table);
    store.readLines(backupId, path, line -> batches.put(DynamoDbJson.parseLine(line)));
    return batches.flush();
  }

  static void drop(DynamoDbClient dynamo, String table) {
    try {
      dynamo.deleteTable(r -> r.tableName(table));
      dynamo.waiter().waitUntilTableNotExists(r -> r.tableName(table));
    } catch (ResourceNotFoundException gone) {
      // never created
    }
  }
}
