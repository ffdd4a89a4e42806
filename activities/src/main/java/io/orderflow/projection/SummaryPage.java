package io.orderflow.projection;

import java.util.List;
import java.util.Optional;

/** A page of order summaries, newest change first, and where the next page starts. */
public record SummaryPage(List<OrderSummary> orders, Optional<String> nextPageToken) {}
