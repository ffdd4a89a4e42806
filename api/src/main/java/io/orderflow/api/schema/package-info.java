/** The event schema registry, published read-only at {@code /api/schemas}. */
package io.orderflow.api.schema;
