package io.orderflow.orderrecovery;

import io.orderflow.backup.BackupManifest;
import io.orderflow.backup.BackupStore;
import java.util.Optional;

/**
 * Which backups hold an order, by their orders index. A backup without an index (an AWS export) or
 * with one that no longer matches its checksum is never chosen on its own: an operator names it.
 */
public final class OrderBackups {
  private final BackupStore store;

  public OrderBackups(BackupStore store) {
    this.store = store;
  }

  /** The newest backup whose intact orders index holds the order. */
  public Optional<BackupManifest> newestHolding(String orderId) {
    return store.list().stream().filter(m -> holds(m, orderId).orElse(false)).findFirst();
  }

  /**
   * Whether the backup's orders index holds the order; empty when it cannot tell (no index, or one
   * that fails its checksum).
   */
  public Optional<Boolean> holds(BackupManifest manifest, String orderId) {
    return lastVersion(manifest, orderId).map(last -> last > 0);
  }

  /** The order's last version per the backup's index: 0 when absent, empty when it cannot tell. */
  Optional<Long> lastVersion(BackupManifest manifest, String orderId) {
    if (manifest.ordersIndex() == null || !indexIntact(manifest)) {
      return Optional.empty();
    }
    return Optional.of(store.ordersIndex(manifest.backupId()).getOrDefault(orderId, 0L));
  }

  boolean indexIntact(BackupManifest manifest) {
    BackupManifest.OrdersIndexFile index = manifest.ordersIndex();
    return index.sha256() == null
        || store.verify(
            manifest.backupId(),
            new BackupManifest.DataFile(index.path(), index.orders(), index.sha256(), null, 0));
  }
}
