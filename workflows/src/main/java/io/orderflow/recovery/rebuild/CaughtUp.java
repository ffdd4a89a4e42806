package io.orderflow.recovery.rebuild;

import java.util.List;

/**
 * The catch-up: commits found in the time index since the instant, the orders they touch, and the
 * rows that moved forward (the others were up to date already).
 */
public record CaughtUp(
    String since,
    long commits,
    long orders,
    long rowsMoved,
    long unfoldable,
    List<String> problems) {}
