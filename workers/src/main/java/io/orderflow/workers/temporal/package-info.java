/**
 * The local Temporal server: the SDK's test server in real time, bound to loopback, run as its own
 * process by the local stack or in-process when {@code orderflow.temporal.embedded=true}.
 */
package io.orderflow.workers.temporal;
