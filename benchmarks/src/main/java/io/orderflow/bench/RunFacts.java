package io.orderflow.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;

/** The facts every driver prints first, so a figure can be traced to the run that made it. */
final class RunFacts {
  private RunFacts() {}

  /** Title, date, the exact command, the JVM and the machine. */
  static void print(PrintStream out, String title, Class<?> driver, String[] args) {
    Runtime rt = Runtime.getRuntime();
    out.println("== " + title + " ==");
    out.printf("date           %s%n", Instant.now());
    out.printf(
        "command        java %s -cp %s %s %s%n",
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
        System.getProperty("java.class.path"),
        driver.getName(),
        String.join(" ", args));
    out.printf(
        "java           %s (%s %s)%n",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("java.vm.version"));
    out.printf(
        "machine        %d cores available to the JVM, %s %s %s, max heap %d MB%n",
        rt.availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        rt.maxMemory() / (1024 * 1024));
  }

  /** The whole machine's 1-minute load average, printed with when it was read. */
  static void loadAverage(PrintStream out, String when) {
    out.printf(
        "load average   %.2f (1 min, whole machine, at %s)%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), when);
  }
}
