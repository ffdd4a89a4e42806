package io.orderflow.snapshot;

/**
 * When to take a snapshot: every {@code everyEvents} events since the last one, and whenever a load
 * had to fold more than {@code maxFoldedEvents} events.
 *
 * @param keep how many snapshots per order to keep; older ones are pruned
 */
public record SnapshotPolicy(int everyEvents, int maxFoldedEvents, int keep) {
  public SnapshotPolicy {
    if (everyEvents < 1 || maxFoldedEvents < 1 || keep < 1) {
      throw new IllegalArgumentException("snapshot policy values must be positive");
    }
  }

  public static SnapshotPolicy defaults() {
    return new SnapshotPolicy(50, 100, 3);
  }

  /**
   * @param snapshotVersion version of the latest usable snapshot, 0 when there is none
   * @param currentVersion version the order is at now
   * @param folded how many events the load that got there had to fold
   */
  public boolean due(long snapshotVersion, long currentVersion, int folded) {
    return currentVersion - snapshotVersion >= everyEvents || folded > maxFoldedEvents;
  }
}
