/**
 * The AWS-native backup path against real DynamoDB: on-demand backups and point-in-time restores
 * into new tables, waited for with heartbeats. Registered only with {@code
 * orderflow.backup.native.enabled=true}; dynalite has none of these operations.
 */
package io.orderflow.backup.aws;
