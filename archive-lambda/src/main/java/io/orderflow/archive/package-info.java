/**
 * The archive Lambda: turns batches of the {@code order_events} DynamoDB stream into gzipped JSON
 * lines in S3, one object per table and hour, in DynamoDB's incremental-export line format.
 */
package io.orderflow.archive;
