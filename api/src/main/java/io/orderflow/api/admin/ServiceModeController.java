package io.orderflow.api.admin;

import io.orderflow.api.problem.InvalidParameter;
import io.orderflow.api.web.ServiceModeGuard;
import io.orderflow.control.ServiceMode;
import io.orderflow.control.ServiceModeStore;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET|PUT /api/admin/service-mode}: what the service accepts right now, and who said so. */
@RestController
class ServiceModeController {
  private final ServiceModeStore store;
  private final ServiceModeGuard guard;

  ServiceModeController(ServiceModeStore store, ServiceModeGuard guard) {
    this.store = store;
    this.guard = guard;
  }

  record Change(String mode, String reason) {}

  @GetMapping("/api/admin/service-mode")
  ServiceModeStore.Setting get() {
    return store.read();
  }

  @PutMapping("/api/admin/service-mode")
  ServiceModeStore.Setting put(
      @RequestBody Change change, @RequestHeader(name = "X-Actor", required = false) String actor) {
    ServiceMode mode = parse(change.mode());
    ServiceModeStore.Setting setting =
        new ServiceModeStore.Setting(
            mode, actor == null ? "api" : actor, change.reason(), Instant.now());
    store.write(setting);
    guard.forget();
    return setting;
  }

  private static ServiceMode parse(String mode) {
    try {
      return ServiceMode.valueOf(mode);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidParameter("mode", "must be one of NORMAL, READ_ONLY, MAINTENANCE");
    }
  }
}
