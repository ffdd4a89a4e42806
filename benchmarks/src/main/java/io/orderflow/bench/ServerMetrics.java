package io.orderflow.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the API's {@code /actuator/prometheus} so a run can say where the server's time went: the
 * {@code _sum} and {@code _count} of chosen timers, by the labels that tell them apart. Two
 * readings, one before and one after a level, give the count and mean of what happened in between.
 */
final class ServerMetrics {
  static final List<String> TIMERS =
      List.of(
          "orderflow_orders_create_latency_seconds",
          "orderflow_orders_transition_latency_seconds",
          "orderflow_orders_read_latency_seconds",
          "orderflow_orders_load_latency_seconds",
          "orderflow_events_read_latency_seconds",
          "orderflow_events_write_latency_seconds",
          "orderflow_events_publication_latency_seconds",
          "temporal_workflow_task_schedule_to_start_latency_seconds",
          "temporal_workflow_task_execution_latency_seconds",
          "temporal_activity_schedule_to_start_latency_seconds",
          "temporal_activity_execution_latency_seconds",
          "temporal_local_activity_execution_latency_seconds",
          "temporal_request_latency_seconds",
          "temporal_long_request_latency_seconds");

  /** Labels kept in a series' name; the rest (namespace, exception, ...) are constant here. */
  private static final List<String> KEPT_LABELS =
      List.of("to", "snapshot", "task_queue", "activity_type", "operation");

  /** Workers' task polls wait on purpose while idle; their latency says nothing here. */
  private static final Pattern IDLE_POLL = Pattern.compile("operation=Poll\\w+TaskQueue");

  private static final Pattern LINE =
      Pattern.compile("^([a-z_]+)_(sum|count)(?:\\{(.*)})? ([0-9.eE+-]+|NaN)$");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** Sum and count of one series at one moment. */
  record Series(double sumSeconds, double count) {}

  private final HttpClient http;
  private final URI endpoint;

  ServerMetrics(HttpClient http, URI api) {
    this.http = http;
    this.endpoint = api.resolve("/actuator/prometheus");
  }

  /** The timers' series now, or an empty map if the endpoint cannot be read. */
  Map<String, Series> read() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? parse(response.body()) : Map.of();
    } catch (Exception unreadable) {
      return Map.of();
    }
  }

  static Map<String, Series> parse(String text) {
    Map<String, double[]> acc = new TreeMap<>();
    for (String line : text.split("\n")) {
      Matcher m = LINE.matcher(line);
      if (!m.matches() || !TIMERS.contains(m.group(1)) || m.group(4).equals("NaN")) {
        continue;
      }
      String key = m.group(1) + labels(m.group(3));
      if (IDLE_POLL.matcher(key).find()) {
        continue;
      }
      double[] pair = acc.computeIfAbsent(key, k -> new double[2]);
      pair[m.group(2).equals("sum") ? 0 : 1] += Double.parseDouble(m.group(4));
    }
    Map<String, Series> out = new TreeMap<>();
    acc.forEach((k, v) -> out.put(k, new Series(v[0], v[1])));
    return out;
  }

  /**
   * The same timers from a registry in this JVM: the baseline worker's and client's SDK metrics,
   * named as Prometheus would name them, so they read beside the API's.
   */
  static Map<String, Series> read(MeterRegistry registry) {
    Map<String, Series> out = new TreeMap<>();
    for (var meter : registry.getMeters()) {
      String name = meter.getId().getName().replace('.', '_') + "_seconds";
      if (meter instanceof Timer timer && TIMERS.contains(name)) {
        Map<String, String> tags = new TreeMap<>();
        meter.getId().getTags().forEach(t -> tags.put(t.getKey(), t.getValue()));
        String key = name + kept(tags);
        if (IDLE_POLL.matcher(key).find()) {
          continue;
        }
        Series s = out.getOrDefault(key, new Series(0, 0));
        out.put(
            key,
            new Series(
                s.sumSeconds() + timer.totalTime(TimeUnit.SECONDS), s.count() + timer.count()));
      }
    }
    return out;
  }

  private static String labels(String raw) {
    if (raw == null) {
      return "";
    }
    Map<String, String> all = new TreeMap<>();
    Matcher m = LABEL.matcher(raw);
    while (m.find()) {
      all.put(m.group(1), m.group(2));
    }
    return kept(all);
  }

  private static String kept(Map<String, String> labels) {
    Map<String, String> kept = new TreeMap<>();
    labels.forEach(
        (k, v) -> {
          if (KEPT_LABELS.contains(k) && !v.equals("none")) {
            kept.put(k, v);
          }
        });
    return kept.isEmpty() ? "" : kept.toString();
  }

  /** The sum of the counts of every series of one timer, whatever its labels. */
  static double count(Map<String, Series> series, String timer) {
    return series.entrySet().stream()
        .filter(e -> e.getKey().equals(timer) || e.getKey().startsWith(timer + "{"))
        .mapToDouble(e -> e.getValue().count())
        .sum();
  }

  /** What happened between two readings: series that moved, with their count and sum. */
  static Map<String, Series> delta(Map<String, Series> before, Map<String, Series> after) {
    Map<String, Series> out = new TreeMap<>();
    after.forEach(
        (k, a) -> {
          Series b = before.getOrDefault(k, new Series(0, 0));
          double count = a.count() - b.count();
          if (count > 0) {
            out.put(k, new Series(a.sumSeconds() - b.sumSeconds(), count));
          }
        });
    return out;
  }
}
