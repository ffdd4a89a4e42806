package io.orderflow.workers.config;

import io.orderflow.eventstore.dynamodb.TableNames;

/**
 * The AWS resources this process uses, known once the bootstrap has run (or been skipped).
 *
 * @param inspectionQueueUrl the SQS queue the bootstrap subscribed to the topic; null when the
 *     topic was provisioned elsewhere
 */
public record Infrastructure(TableNames tables, String topicArn, String inspectionQueueUrl) {}
