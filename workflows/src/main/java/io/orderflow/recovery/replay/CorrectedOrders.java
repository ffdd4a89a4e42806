package io.orderflow.recovery.replay;

import java.util.List;

/** Orders a replay appended a correction to, whose snapshot and read models now follow it. */
public record CorrectedOrders(List<String> orderIds) {}
