package io.orderflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of the stack's processes (Linux {@code /proc/<pid>/stat}) and of this JVM, so a level
 * can say how much CPU each process spent per walk or per baseline workflow on a machine whose two
 * cores they all share.
 */
final class ProcessCpu {
  /** USER_HZ: the unit of utime and stime, 100 on every Linux this runs on. */
  private static final double TICKS_PER_SECOND = 100;

  private final Map<String, Long> pids;

  ProcessCpu(Map<String, Long> pids) {
    this.pids = Map.copyOf(pids);
  }

  /** CPU seconds so far, by process name; a process that cannot be read is left out. */
  Map<String, Double> read() {
    Map<String, Double> out = new LinkedHashMap<>();
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      out.put("driver (this JVM)", os.getProcessCpuTime() / 1e9);
    }
    pids.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              try {
                String stat = Files.readString(Path.of("/proc", e.getValue().toString(), "stat"));
                // fields after the parenthesised command name: state is the 3rd, utime the 14th
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                out.put(e.getKey(), ticks / TICKS_PER_SECOND);
              } catch (IOException | RuntimeException unreadable) {
                // not on Linux, or the process is gone: nothing to report for it
              }
            });
    return out;
  }

  static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> out = new LinkedHashMap<>();
    after.forEach((k, v) -> out.put(k, v - before.getOrDefault(k, v)));
    return out;
  }
}
