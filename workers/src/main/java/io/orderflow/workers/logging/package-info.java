/**
 * Log correlation: the correlation id and order id travel with every command into the workflow and
 * its activities, so each log line of one request can be found together.
 */
package io.orderflow.workers.logging;
