package io.orderflow.workers.logging;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.context.ContextPropagator;
import io.temporal.common.converter.DataConverter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Carries the MDC keys {@value #CORRELATION_ID} and {@value #ORDER_ID} from the caller into
 * workflows and from workflows into activities, as Temporal headers. (Temporal itself puts
 * WorkflowId, RunId, ActivityType and the like into the MDC of workflow and activity threads.)
 */
public final class MdcContextPropagator implements ContextPropagator {
  public static final String CORRELATION_ID = "correlationId";
  public static final String ORDER_ID = "orderId";
  private static final List<String> KEYS = List.of(CORRELATION_ID, ORDER_ID);

  @Override
  public String getName() {
    return "orderflow-mdc";
  }

  @Override
  public Map<String, Payload> serializeContext(Object context) {
    @SuppressWarnings("unchecked")
    Map<String, String> values = (Map<String, String>) context;
    Map<String, Payload> headers = new HashMap<>();
    values.forEach(
        (key, value) ->
            DataConverter.getDefaultInstance()
                .toPayload(value)
                .ifPresent(p -> headers.put(key, p)));
    return headers;
  }

  @Override
  public Object deserializeContext(Map<String, Payload> headers) {
    Map<String, String> values = new HashMap<>();
    for (String key : KEYS) {
      Payload payload = headers.get(key);
      if (payload != null) {
        values.put(
            key,
            DataConverter.getDefaultInstance().fromPayload(payload, String.class, String.class));
      }
    }
    return values;
  }

  @Override
  public Object getCurrentContext() {
    Map<String, String> values = new HashMap<>();
    for (String key : KEYS) {
      String value = MDC.get(key);
      if (value != null) {
        values.put(key, value);
      }
    }
    return values;
  }

  @Override
  public void setCurrentContext(Object context) {
    @SuppressWarnings("unchecked")
    Map<String, String> values = (Map<String, String>) context;
    values.forEach(MDC::put);
  }
}
