/**
 * Backups in DynamoDB's own export layout, in a local directory or an S3 bucket: DynamoDB JSON,
 * gzipped data files, the manifest, the orders index, a reader for exports AWS wrote, and the
 * backup activities that use them. The AWS-native path (CreateBackup, PITR) is in {@code aws}.
 */
package io.orderflow.backup;
