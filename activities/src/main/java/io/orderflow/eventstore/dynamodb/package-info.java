/**
 * The event store on DynamoDB: one item per commit in {@code order_events}, appended with a
 * conditional put and chained by SHA-256 hashes; the append activity; reads of a stream.
 */
package io.orderflow.eventstore.dynamodb;
