/**
 * Event schema evolution: which JSON Schema versions each event type has, which are deprecated, and
 * the upcasters that lift a stored payload from its version to the current one. Pure: the schema
 * files are resources, read by the activities module.
 */
package io.orderflow.order.schema;
