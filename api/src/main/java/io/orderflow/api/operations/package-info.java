/**
 * The operations API: every DR run from the registry, with live progress from its workflow, a link
 * into the Temporal Web UI, and cancellation.
 */
package io.orderflow.api.operations;
