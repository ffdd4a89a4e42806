/**
 * The registry of DR operations in {@code orderflow_operations}: what each run is, how far it got
 * and how it ended, read by the API and written by the operation workflows' activities.
 */
package io.orderflow.operations;
