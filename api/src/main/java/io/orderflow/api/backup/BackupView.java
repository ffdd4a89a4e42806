package io.orderflow.api.backup;

import io.orderflow.backup.BackupManifest;
import java.util.LinkedHashMap;
import java.util.Map;

/** One complete backup as {@code GET /api/backups} lists it, from its manifest. */
record BackupView(
    String backupId,
    String createdAt,
    String source,
    String operationId,
    Map<String, Long> items,
    long orders,
    int files,
    long bytes) {

  static BackupView of(BackupManifest manifest) {
    Map<String, Long> items = new LinkedHashMap<>();
    manifest.tables().forEach(t -> items.put(t.tableName(), t.itemCount()));
    return new BackupView(
        manifest.backupId(),
        manifest.createdAt(),
        manifest.source(),
        manifest.operationId(),
        items,
        manifest.ordersIndex() == null ? 0 : manifest.ordersIndex().orders(),
        manifest.fileCount(),
        manifest.bytes());
  }
}
