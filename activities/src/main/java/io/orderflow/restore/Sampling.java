package io.orderflow.restore;

import java.nio.charset.StandardCharsets;

/**
 * Picks orders for reconstruction by a hash of their id: the same orders on every run and every
 * segment, spread evenly, without knowing the others.
 */
final class Sampling {
  private Sampling() {}

  static boolean picks(String orderId, double fraction) {
    if (fraction >= 1.0) {
      return true;
    }
    if (fraction <= 0) {
      return false;
    }
    long h = 0xcbf29ce484222325L; // FNV-1a, then a final mix so nearby ids spread
    for (byte b : orderId.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (h >>> 11) * 0x1.0p-53 < fraction;
  }
}
