/** Validating event payloads against their JSON Schema before anything is written. */
package io.orderflow.eventstore.schema;
