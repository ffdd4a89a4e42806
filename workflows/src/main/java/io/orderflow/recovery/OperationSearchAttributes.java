package io.orderflow.recovery;

import io.temporal.common.SearchAttributeKey;

/**
 * The custom search attributes DR workflows upsert so the Temporal Web UI can filter on them;
 * registered on the local server at start-up (workers' LocalTemporalServer).
 */
public final class OperationSearchAttributes {
  public static final SearchAttributeKey<String> OPERATION =
      SearchAttributeKey.forKeyword("OrderflowOperation");
  public static final SearchAttributeKey<String> PHASE =
      SearchAttributeKey.forKeyword("OrderflowPhase");
  public static final SearchAttributeKey<String> ORDER_ID =
      SearchAttributeKey.forKeyword("OrderId");

  private OperationSearchAttributes() {}
}
