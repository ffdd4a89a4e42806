package io.orderflow.recovery.check;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to check and how.
 *
 * @param operationId the operations registry's id; null for a run of the cron schedule, which gives
 *     each check it starts its own
 * @param segments parallel scan segments, 1 to {@link #MAX_SEGMENTS}; null for the worker's setting
 * @param staleAfterSeconds a commit still unpublished, or a projection row behind its stream, this
 *     long after the commit is a finding (younger ones may still be on their way); null for the
 *     worker's setting
 * @param scheduled started by the cron schedule rather than by an operator
 */
public record CheckInput(
    String operationId,
    String startedBy,
    Integer segments,
    Long staleAfterSeconds,
    boolean scheduled) {
  public static final int MAX_SEGMENTS = 32;

  /** What was asked, as the operations registry lists it: {@code configured} for a default. */
  public Map<String, Object> parameters() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("segments", segments == null ? "configured" : segments);
    parameters.put(
        "staleAfterSeconds", staleAfterSeconds == null ? "configured" : staleAfterSeconds);
    parameters.put("scheduled", scheduled);
    return parameters;
  }

  /** The input of every run of the cron schedule ({@code check-scheduled}). */
  public static CheckInput forSchedule() {
    return new CheckInput(null, "schedule", null, null, true);
  }
}
