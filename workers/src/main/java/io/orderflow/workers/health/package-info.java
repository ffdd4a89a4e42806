/**
 * Health of what orderflow depends on (DynamoDB, SNS, Temporal) and of the service mode, as
 * actuator indicators; docs/operations/health.md says which group each belongs to.
 */
package io.orderflow.workers.health;
