package io.orderflow.workers.health;

import io.orderflow.control.ServiceMode;
import io.orderflow.control.ServiceModeStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Part of readiness: OUT_OF_SERVICE while a restore holds the service in MAINTENANCE, so a load
 * balancer sends no traffic; UP (with the mode as detail) otherwise.
 */
class ServiceModeHealthIndicator extends AbstractHealthIndicator {
  private final ServiceModeStore store;

  ServiceModeHealthIndicator(ServiceModeStore store) {
    super("service mode check failed");
    this.store = store;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    ServiceModeStore.Setting setting = store.read();
    builder.withDetail("mode", setting.mode().name());
    if (setting.reason() != null) {
      builder.withDetail("reason", setting.reason());
    }
    builder.status(setting.mode() == ServiceMode.MAINTENANCE ? Status.OUT_OF_SERVICE : Status.UP);
  }
}
