package io.orderflow.bench;

import java.util.Arrays;

/** Timed samples and their nearest-rank percentiles, in milliseconds. */
record Latencies(long[] sortedNanos) {
  static Latencies of(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Latencies(sorted);
  }

  double p(double percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.length);
    return sortedNanos[Math.max(0, rank - 1)] / 1e6;
  }

  int count() {
    return sortedNanos.length;
  }
}
