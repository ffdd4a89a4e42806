/** The orders resource: create an order through its workflow, read it back from the store. */
package io.orderflow.api.order;
