package io.orderflow.backup;

/** Data file names, {@code <segment>-<part>.json.gz}, as both stores read them back. */
final class DataFileNames {
  private DataFileNames() {}

  /** Whether a file name is a part of {@code segment} numbered {@code fromPart} or higher. */
  static boolean isPartFrom(String name, int segment, int fromPart) {
    String prefix = segment + "-";
    int dot = name.indexOf('.');
    if (!name.startsWith(prefix) || dot <= prefix.length()) {
      return false;
    }
    try {
      return Integer.parseInt(name.substring(prefix.length(), dot)) >= fromPart;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
