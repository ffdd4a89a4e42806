package io.orderflow.backup;

import io.orderflow.eventstore.dynamodb.ActiveTables;
import io.orderflow.recovery.backup.BackupActivities;
import io.orderflow.recovery.backup.BackupResult;
import io.orderflow.recovery.backup.BackupTable;
import io.orderflow.recovery.backup.ExportedFile;
import io.orderflow.recovery.backup.ManifestRequest;
import io.orderflow.recovery.backup.SegmentExport;
import io.orderflow.recovery.backup.SegmentRequest;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Backs the tables up into a {@link BackupStore} (a directory or S3) with a parallel scan. */
public final class DynamoDbBackupActivities implements BackupActivities {
  private final ActiveTables tables;
  private final BackupStore store;
  private final SegmentExporter exporter;

  public DynamoDbBackupActivities(
      DynamoDbClient dynamo,
      ActiveTables tables,
      BackupStore store,
      SegmentExporter.Settings settings) {
    this.tables = tables;
    this.store = store;
    this.exporter = new SegmentExporter(dynamo, store, settings);
  }

  @Override
  public SegmentExport exportSegment(SegmentRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    ExportCheckpoint last = context.getHeartbeatDetails(ExportCheckpoint.class).orElse(null);
    return exporter.export(request, tableName(request.table()), last, context::heartbeat);
  }

  @Override
  public BackupResult writeManifest(ManifestRequest request) {
    List<BackupManifest.Table> manifestTables = new ArrayList<>();
    Map<String, Long> items = new LinkedHashMap<>();
    List<ExportedFile> eventFiles = new ArrayList<>();
    for (BackupTable table : BackupTable.values()) {
      List<SegmentExport> exports =
          request.exports().stream()
              .filter(e -> e.table() == table)
              .sorted(Comparator.comparingInt(SegmentExport::segment))
              .toList();
      List<BackupManifest.DataFile> files =
          exports.stream()
              .flatMap(e -> e.files().stream())
              .map(
                  f ->
                      new BackupManifest.DataFile(f.path(), f.items(), f.sha256(), null, f.bytes()))
              .toList();
      long count = exports.stream().mapToLong(SegmentExport::items).sum();
      String name = tableName(table);
      manifestTables.add(new BackupManifest.Table(table.name(), name, count, files, null));
      items.put(name, count);
      if (table == BackupTable.EVENTS) {
        exports.forEach(e -> eventFiles.addAll(e.files()));
      }
    }
    Map<String, Long> lastVersions = OrdersIndex.derive(store, request.backupId(), eventFiles);
    ExportedFile index = OrdersIndex.write(store, request.backupId(), lastVersions);
    BackupManifest manifest =
        new BackupManifest(
            BackupManifest.FORMAT_VERSION,
            request.backupId(),
            request.createdAt(),
            "orderflow",
            request.operationId(),
            manifestTables,
            new BackupManifest.OrdersIndexFile(index.path(), lastVersions.size(), index.sha256()));
    store.writeManifest(manifest);
    return new BackupResult(
        request.backupId(), items, manifest.fileCount(), manifest.bytes(), lastVersions.size());
  }

  @Override
  public void deleteBackup(String backupId) {
    store.delete(backupId);
  }

  private String tableName(BackupTable table) {
    return switch (table) {
      case EVENTS -> tables.events();
      case SNAPSHOTS -> tables.snapshots();
    };
  }
}
