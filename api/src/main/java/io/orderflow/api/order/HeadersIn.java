package io.orderflow.api.order;

import org.springframework.http.HttpHeaders;

/** The request headers a command reads. */
record HeadersIn(String idempotencyKey, String correlationId, String actor) {
  static HeadersIn of(HttpHeaders headers) {
    return new HeadersIn(
        headers.getFirst("Idempotency-Key"),
        headers.getFirst("X-Correlation-Id"),
        headers.getFirst("X-Actor"));
  }
}
