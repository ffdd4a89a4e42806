/**
 * The AWS-native backup path: DynamoDB's own CreateBackup, RestoreTableFromBackup and
 * RestoreTableToPointInTime as activities, for workflows that run where real DynamoDB is.
 */
package io.orderflow.recovery.nativebackup;
