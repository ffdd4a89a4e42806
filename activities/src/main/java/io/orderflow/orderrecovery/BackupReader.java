package io.orderflow.orderrecovery;

import io.orderflow.backup.BackupManifest;
import io.orderflow.backup.BackupStore;
import io.orderflow.backup.DynamoDbJson;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.StreamVerifier;
import io.orderflow.recovery.backup.BackupTable;
import io.orderflow.recovery.order.BackupCommits;
import io.orderflow.recovery.order.ChosenBackup;
import io.orderflow.recovery.order.CommitCopy;
import io.orderflow.recovery.order.ExtractRequest;
import io.orderflow.recovery.order.FindBackupRequest;
import io.orderflow.recovery.order.OrderRecoveryActivities;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Finds the backup to recover an order from and reads the order's commits out of it. */
final class BackupReader {
  /**
   * The commits travel through the workflow's history, whose payloads Temporal caps at 2 MB; an
   * order is normally a few KB.
   */
  static final long MAX_ORDER_BYTES = 1_000_000;

  private final BackupStore store;
  private final OrderBackups index;

  BackupReader(BackupStore store) {
    this.store = store;
    this.index = new OrderBackups(store);
  }

  ChosenBackup find(FindBackupRequest request) {
    String orderId = request.orderId();
    if (request.backupId() == null) {
      return index
          .newestHolding(orderId)
          .map(m -> chosen(m, orderId))
          .orElseThrow(
              () ->
                  Failures.of(
                      OrderRecoveryActivities.BACKUP_NOT_FOUND,
                      "no backup holds order "
                          + orderId
                          + " (searched by their orders index; an export without one is read"
                          + " only when named with backupId)"));
    }
    BackupManifest manifest = manifest(request.backupId());
    if (manifest.ordersIndex() == null) {
      return new ChosenBackup(manifest.backupId(), manifest.createdAt(), 0); // extract will tell
    }
    if (!index.indexIntact(manifest)) {
      throw Failures.of(
          OrderRecoveryActivities.TAMPERED_BACKUP,
          "the orders index of backup "
              + manifest.backupId()
              + " does not match the checksum in its manifest");
    }
    ChosenBackup chosen = chosen(manifest, orderId);
    if (chosen.lastVersion() == 0) {
      throw Failures.of(
          OrderRecoveryActivities.BACKUP_NOT_FOUND,
          "backup " + manifest.backupId() + " does not hold order " + orderId);
    }
    return chosen;
  }

  /**
   * The order's commits in the backup, oldest first. Every events file is checked against its
   * manifest checksum before any is read; the commits found must form a sound hash chain from 1.
   */
  BackupCommits extract(ExtractRequest request, IntConsumer heartbeat) {
    String orderId = request.orderId();
    BackupManifest manifest = manifest(request.backupId());
    List<BackupManifest.DataFile> files =
        manifest.tables().stream()
            .filter(t -> BackupTable.EVENTS.name().equals(t.role()))
            .flatMap(t -> t.files().stream())
            .toList();
    if (files.isEmpty()) {
      throw corrupt(manifest, "it holds no events table");
    }
    int done = 0;
    for (BackupManifest.DataFile file : files) {
      if (!store.verify(manifest.backupId(), file)) {
        throw Failures.of(
            OrderRecoveryActivities.TAMPERED_BACKUP,
            "backup "
                + manifest.backupId()
                + ": data file "
                + file.path()
                + " does not match the checksum in its manifest (altered or damaged since the"
                + " backup was written). Nothing was changed; name another backup with backupId");
      }
      heartbeat.accept(++done);
    }
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    String needle = plainInJson(orderId) ? "\"" + orderId + "\"" : null;
    for (BackupManifest.DataFile file : files) {
      store.readLines(
          manifest.backupId(),
          file.path(),
          line -> {
            // Parsing every line of a large backup is the slow part; most lines are other orders'.
            if (needle == null || line.contains(needle)) {
              Map<String, AttributeValue> item = parse(manifest, file, line);
              AttributeValue id = item.get("orderId");
              if (id != null && orderId.equals(id.s())) {
                items.add(item);
              }
            }
          });
      heartbeat.accept(++done);
    }
    if (items.isEmpty()) {
      throw Failures.of(
          OrderRecoveryActivities.BACKUP_NOT_FOUND,
          "backup " + manifest.backupId() + " holds no commit of order " + orderId);
    }
    items.sort(Comparator.comparingLong(Commits::version));
    return commits(manifest, orderId, items);
  }

  private BackupCommits commits(
      BackupManifest manifest, String orderId, List<Map<String, AttributeValue>> items) {
    List<StoredCommit> commits = new ArrayList<>();
    List<CommitCopy> copies = new ArrayList<>();
    long bytes = 0;
    for (Map<String, AttributeValue> item : items) {
      StoredCommit commit =
          Commits.read(item)
              .orElseThrow(
                  () ->
                      corrupt(
                          manifest,
                          "its item of order "
                              + orderId
                              + " at version "
                              + item.get("version")
                              + " is not a readable commit"));
      String json = DynamoDbJson.write(item);
      bytes += json.length();
      commits.add(commit);
      copies.add(new CommitCopy(commit.version(), commit.lastVersion(), commit.hash(), json));
    }
    StreamVerifier.verify(orderId, commits)
        .ifPresent(
            finding -> {
              throw corrupt(
                  manifest,
                  "its copy of order "
                      + orderId
                      + " breaks at version "
                      + finding.version()
                      + " ("
                      + finding.problem()
                      + ": "
                      + finding.detail()
                      + "); name an older backup with backupId");
            });
    if (bytes > MAX_ORDER_BYTES) {
      throw Failures.of(
          OrderRecoveryActivities.ORDER_TOO_LARGE,
          "order "
              + orderId
              + " has "
              + bytes
              + " bytes of commits in backup "
              + manifest.backupId()
              + ", more than single-order recovery carries ("
              + MAX_ORDER_BYTES
              + "); use a full restore");
    }
    return new BackupCommits(orderId, manifest.backupId(), copies);
  }

  private BackupManifest manifest(String backupId) {
    return store
        .read(backupId)
        .orElseThrow(
            () ->
                Failures.of(
                    OrderRecoveryActivities.BACKUP_NOT_FOUND, "no backup has the id " + backupId));
  }

  private ChosenBackup chosen(BackupManifest manifest, String orderId) {
    return new ChosenBackup(
        manifest.backupId(), manifest.createdAt(), index.lastVersion(manifest, orderId).orElse(0L));
  }

  private static Map<String, AttributeValue> parse(
      BackupManifest manifest, BackupManifest.DataFile file, String line) {
    try {
      return DynamoDbJson.parseLine(line);
    } catch (IllegalArgumentException e) {
      throw corrupt(manifest, "data file " + file.path() + " holds a line that is not an item");
    }
  }

  // JSON writes these characters as they are, so the id appears verbatim in the line.
  private static boolean plainInJson(String orderId) {
    return orderId.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
  }

  private static RuntimeException corrupt(BackupManifest manifest, String what) {
    return Failures.of(
        OrderRecoveryActivities.CORRUPT_BACKUP, "backup " + manifest.backupId() + ": " + what);
  }
}
