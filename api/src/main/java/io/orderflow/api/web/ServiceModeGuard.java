package io.orderflow.api.web;

import io.orderflow.control.ServiceMode;
import io.orderflow.control.ServiceModeStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses what the service mode forbids, with 503 and {@code Retry-After}: writes to orders outside
 * NORMAL, and reads too in MAINTENANCE. Operations, admin and health stay open, so a restore can be
 * watched and the mode set back. The mode is read at most once a second per instance.
 */
@Component
public class ServiceModeGuard implements HandlerInterceptor {
  static final Duration CACHE = Duration.ofSeconds(1);
  static final int RETRY_AFTER_SECONDS = 30;

  private final ServiceModeStore store;
  private volatile ServiceMode cached;
  private volatile long readAtNanos;

  ServiceModeGuard(ServiceModeStore store) {
    this.store = store;
  }

  /** Drops the cached mode, so a change made here takes effect at once on this instance. */
  public void forget() {
    cached = null;
  }

  public ServiceMode mode() {
    ServiceMode mode = cached;
    if (mode == null || System.nanoTime() - readAtNanos > CACHE.toNanos()) {
      mode = store.read().mode();
      cached = mode;
      readAtNanos = System.nanoTime();
    }
    return mode;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    boolean write = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
    ServiceMode mode = mode();
    if (write ? mode.allowsWrites() : mode.allowsReads()) {
      return true;
    }
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response
        .getWriter()
        .write(
            "{\"type\":\"/problems/service-mode\",\"title\":\"Service mode\",\"status\":503,"
                + "\"detail\":\"the service is in "
                + mode
                + " mode and accepts no "
                + (write ? "writes" : "requests")
                + " to orders; retry later\",\"mode\":\""
                + mode
                + "\"}");
    return false;
  }
}
