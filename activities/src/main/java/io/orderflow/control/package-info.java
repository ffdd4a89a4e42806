/** {@code orderflow_control}: the service mode, and later which physical tables are active. */
package io.orderflow.control;
