/**
 * The consistency check's side effects: a resumable scan of one segment of the live events table,
 * each stream held against its snapshot and projection row, and the verdict the gauges report.
 */
package io.orderflow.check;
