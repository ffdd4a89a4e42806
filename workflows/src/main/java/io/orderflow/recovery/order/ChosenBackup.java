package io.orderflow.recovery.order;

/**
 * The backup a recovery reads.
 *
 * @param lastVersion the order's last version in it, from its orders index; 0 when the backup has
 *     no index (an AWS export) and the extraction has to find out
 */
public record ChosenBackup(String backupId, String createdAt, long lastVersion) {}
