/** The event explorer: events across orders by time and type, at {@code /api/events}. */
package io.orderflow.api.explorer;
