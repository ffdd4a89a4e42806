package io.orderflow.recovery.order;

/**
 * One commit of an order as a backup holds it.
 *
 * @param version the commit's first version, its key in {@code order_events}
 * @param hash the hash the commit states (verified when it was extracted)
 * @param item the item exactly as the backup holds it, in DynamoDB JSON: what a restore puts back
 */
public record CommitCopy(long version, long lastVersion, String hash, String item) {}
