/** Operator endpoints: the service mode. */
package io.orderflow.api.admin;
