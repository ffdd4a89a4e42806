package io.orderflow.recovery.order;

/**
 * One change a repair makes to the live stream.
 *
 * @param version the key (first version) of the commit changed
 * @param reason why the live commit is quarantined; null for a {@link Kind#RESTORE}
 * @param detail what the comparison saw, for the operator
 * @param liveHash the hash the live commit stated when compared; the repair touches it only if it
 *     still does. Null for a restore, or for a live item without a hash
 * @param backupHash the hash of the backup's commit put there, or (for a {@link Kind#REMOVE}) of
 *     the backup's commit that covers the version
 * @param backupItem the backup's item to put, in DynamoDB JSON; null for a {@link Kind#REMOVE}
 */
public record PlannedChange(
    long version,
    Kind kind,
    QuarantineReason reason,
    String detail,
    String liveHash,
    String backupHash,
    String backupItem) {

  public enum Kind {
    /** The commit is missing live: put the backup's. */
    RESTORE,
    /** The live commit differs: quarantine it, put the backup's in its place. */
    REPLACE,
    /** The live commit collides with the backup's history: quarantine it, put nothing. */
    REMOVE
  }
}
