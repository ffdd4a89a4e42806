/**
 * {@code orderflow_control}: the service mode, which physical event tables are active, the restore
 * lock, and which generation of each read model serves.
 */
package io.orderflow.control;
