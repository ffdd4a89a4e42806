package io.orderflow.eventstore;

import io.orderflow.order.Order;

/**
 * An order as its stream in the active tables says it is: what a workflow reloads when its memory
 * may be out of date (the tables were restored under it).
 *
 * @param order the fold of every event in the stream; {@code exists()} is false for an empty one
 * @param lastHash the hash of the stream's last commit; {@link NewCommit#GENESIS_HASH} when empty
 * @param tablesRevision the revision of the active-tables pointer the stream was read from
 */
public record LoadedOrder(Order order, String lastHash, long tablesRevision) {}
