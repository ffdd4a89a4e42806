package io.orderflow.control;

/**
 * What the service accepts. NORMAL: everything. READ_ONLY: reads, no writes (a restore is
 * validating). MAINTENANCE: nothing but health and operations (a restore is switching tables).
 */
public enum ServiceMode {
  NORMAL,
  READ_ONLY,
  MAINTENANCE;

  public boolean allowsWrites() {
    return this == NORMAL;
  }

  public boolean allowsReads() {
    return this != MAINTENANCE;
  }
}
