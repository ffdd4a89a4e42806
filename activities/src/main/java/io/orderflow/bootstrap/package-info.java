/**
 * Creating what orderflow needs on a fresh account or emulator: the DynamoDB tables with their
 * indexes, the SNS topic and an inspection queue. Idempotent: what exists is left alone.
 */
package io.orderflow.bootstrap;
