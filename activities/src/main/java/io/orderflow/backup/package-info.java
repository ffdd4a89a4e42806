/**
 * Backups in DynamoDB's own export layout: DynamoDB JSON, gzipped data files, the manifest, the
 * orders index, a reader for exports AWS wrote, and the backup activities that use them.
 */
package io.orderflow.backup;
