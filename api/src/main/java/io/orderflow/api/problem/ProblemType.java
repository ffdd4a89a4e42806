package io.orderflow.api.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** The stable problem types of the API. Clients may branch on {@link #uri()}; it never changes. */
public enum ProblemType {
  MALFORMED_REQUEST("malformed-request", "Malformed request", HttpStatus.BAD_REQUEST),
  INVALID_ORDER("invalid-order", "Invalid order", HttpStatus.BAD_REQUEST),
  INVALID_PARAMETER("invalid-parameter", "Invalid parameter", HttpStatus.BAD_REQUEST),
  INVALID_COMMAND("invalid-command", "Invalid command", HttpStatus.BAD_REQUEST),
  ILLEGAL_TRANSITION("illegal-transition", "Illegal transition", HttpStatus.CONFLICT),
  CONCURRENT_CHANGE("concurrent-change", "Concurrent change", HttpStatus.CONFLICT),
  IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency key reused", HttpStatus.CONFLICT),
  ORDER_NOT_FOUND("order-not-found", "Order not found", HttpStatus.NOT_FOUND),
  NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
  OPERATION_NOT_FOUND("operation-not-found", "Operation not found", HttpStatus.NOT_FOUND),
  OPERATION_FINISHED("operation-finished", "Operation finished", HttpStatus.CONFLICT),
  BACKUP_NOT_FOUND("backup-not-found", "Backup not found", HttpStatus.NOT_FOUND),
  RESTORE_RUNNING("restore-running", "Restore running", HttpStatus.CONFLICT),
  RECOVERY_RUNNING("recovery-running", "Recovery running", HttpStatus.CONFLICT),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
  ORDER_CONFLICT("order-conflict", "Order conflict", HttpStatus.CONFLICT),
  PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", HttpStatus.CONTENT_TOO_LARGE),
  UNSUPPORTED_MEDIA_TYPE(
      "unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
  NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
  COMMAND_PENDING("command-pending", "Command pending", HttpStatus.GATEWAY_TIMEOUT),
  SERVICE_MODE("service-mode", "Service mode", HttpStatus.SERVICE_UNAVAILABLE),
  SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE),
  INTERNAL_ERROR("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR);

  private final String slug;
  private final String title;
  private final HttpStatus status;

  ProblemType(String slug, String title, HttpStatus status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  public URI uri() {
    return URI.create("/problems/" + slug);
  }

  public String title() {
    return title;
  }

  public HttpStatus status() {
    return status;
  }
}
