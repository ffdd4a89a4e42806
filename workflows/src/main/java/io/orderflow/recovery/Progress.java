package io.orderflow.recovery;

/**
 * How far an operation got: its named phase and {@code done} of {@code total} units of work (what a
 * unit is depends on the workflow; the backup counts segment exports and the manifest).
 */
public record Progress(String phase, long done, long total) {

  /** Whole percent done, 0 while the total is unknown. */
  public int percent() {
    return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
  }
}
