package io.orderflow.api.web;

import io.orderflow.workers.logging.MdcContextPropagator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id (the client's {@code X-Correlation-Id}, or a new one),
 * echoes it in the response, and puts it and the order id of the path into the MDC for the
 * request's log lines; the Temporal propagator carries both on into workflows and activities.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationFilter extends OncePerRequestFilter {
  public static final String HEADER = "X-Correlation-Id";
  private static final Pattern ORDER_PATH = Pattern.compile("^/api/orders/([^/]+)");
  private static final int MAX_LENGTH = 128;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader(HEADER);
    String correlationId =
        given == null || given.isBlank() || given.length() > MAX_LENGTH
            ? UUID.randomUUID().toString()
            : given;
    MDC.put(MdcContextPropagator.CORRELATION_ID, correlationId);
    Matcher order = ORDER_PATH.matcher(request.getRequestURI());
    if (order.find()) {
      MDC.put(MdcContextPropagator.ORDER_ID, order.group(1));
    }
    response.setHeader(HEADER, correlationId);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(MdcContextPropagator.CORRELATION_ID);
      MDC.remove(MdcContextPropagator.ORDER_ID);
    }
  }
}
