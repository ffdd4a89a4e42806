package io.orderflow.api.problem;

import io.orderflow.api.operations.OperationFinished;
import io.orderflow.api.operations.OperationNotFound;
import io.orderflow.api.order.CommandPending;
import io.orderflow.api.order.OrderNotFound;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.eventstore.dynamodb.EventStoreUnavailable;
import io.orderflow.eventstore.dynamodb.InvalidQuery;
import io.orderflow.order.FieldViolation;
import io.orderflow.order.OrderRejected;
import io.temporal.client.WorkflowServiceException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import software.amazon.awssdk.core.exception.SdkClientException;
import tools.jackson.core.JacksonException;

/** Turns every failure into a problem response; no stack trace ever reaches a client. */
@RestControllerAdvice
class ProblemHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof PayloadTooLarge tooLarge) {
        return Problems.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
      }
    }
    if (e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
      String field = JsonPaths.of(json.getPath());
      return Problems.of(
          ProblemType.MALFORMED_REQUEST,
          "the body does not match the expected shape at '" + field + "'",
          List.of(new FieldViolation(field, JsonPaths.reason(json))));
    }
    if (e.getCause() instanceof JacksonException json) {
      return Problems.of(
          ProblemType.MALFORMED_REQUEST, "the body is not valid JSON: " + JsonPaths.reason(json));
    }
    return Problems.of(ProblemType.MALFORMED_REQUEST, "a JSON body is required");
  }

  @ExceptionHandler(OrderRejected.class)
  ResponseEntity<ProblemDetail> rejected(OrderRejected e) {
    ProblemType type =
        switch (e.reason()) {
          case OrderRejected.INVALID_ORDER, EventStoreActivities.INVALID_COMMIT ->
              ProblemType.INVALID_ORDER;
          case OrderRejected.INVALID_COMMAND -> ProblemType.INVALID_COMMAND;
          case OrderRejected.ILLEGAL_TRANSITION -> ProblemType.ILLEGAL_TRANSITION;
          case OrderRejected.ORDER_NOT_FOUND -> ProblemType.ORDER_NOT_FOUND;
          case OrderRejected.IDEMPOTENCY_KEY_REUSED -> ProblemType.IDEMPOTENCY_KEY_REUSED;
          // A workflow from before reload-after-restore refuses a command once after a restore.
          case EventStoreActivities.CONCURRENCY_CONFLICT, EventStoreActivities.STREAM_RESTORED ->
              ProblemType.CONCURRENT_CHANGE;
          default -> ProblemType.ORDER_CONFLICT;
        };
    return Problems.of(type, e.getMessage(), e.violations());
  }

  @ExceptionHandler(InvalidQuery.class)
  ResponseEntity<ProblemDetail> invalidQuery(InvalidQuery e) {
    return Problems.of(
        ProblemType.INVALID_PARAMETER,
        "parameter '" + e.parameter() + "' is invalid",
        List.of(new FieldViolation(e.parameter(), e.getMessage())));
  }

  @ExceptionHandler(CommandPending.class)
  ResponseEntity<ProblemDetail> pending(CommandPending e) {
    return withRetryAfter(Problems.of(ProblemType.COMMAND_PENDING, e.getMessage()), 5);
  }

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> problem(ProblemException e) {
    ResponseEntity<ProblemDetail> response = Problems.of(e.type(), e.getMessage());
    e.properties().forEach(response.getBody()::setProperty);
    return response;
  }

  @ExceptionHandler(OrderNotFound.class)
  ResponseEntity<ProblemDetail> notFound(OrderNotFound e) {
    return Problems.of(ProblemType.ORDER_NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(OperationNotFound.class)
  ResponseEntity<ProblemDetail> operationNotFound(OperationNotFound e) {
    return Problems.of(ProblemType.OPERATION_NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(OperationFinished.class)
  ResponseEntity<ProblemDetail> operationFinished(OperationFinished e) {
    return Problems.of(ProblemType.OPERATION_FINISHED, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
    return Problems.of(
        ProblemType.INVALID_PARAMETER,
        "parameter '" + e.getName() + "' has an invalid value",
        List.of(new FieldViolation(e.getName(), "cannot be read as " + typeName(e))));
  }

  @ExceptionHandler(InvalidParameter.class)
  ResponseEntity<ProblemDetail> invalidParameter(InvalidParameter e) {
    return Problems.of(
        ProblemType.INVALID_PARAMETER,
        "parameter '" + e.parameter() + "' is invalid",
        List.of(new FieldViolation(e.parameter(), e.getMessage())));
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
    return Problems.of(
        ProblemType.INVALID_PARAMETER,
        "header '" + e.getHeaderName() + "' is required",
        List.of(new FieldViolation(e.getHeaderName(), "is required")));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
    return Problems.of(ProblemType.NOT_FOUND, "no resource at /" + e.getResourcePath());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return Problems.of(ProblemType.METHOD_NOT_ALLOWED, e.getMessage());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return Problems.of(ProblemType.NOT_ACCEPTABLE, "responses are application/json");
  }

  @ExceptionHandler({
    WorkflowServiceException.class,
    SdkClientException.class,
    EventStoreUnavailable.class
  })
  ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
    log.warn("a backing service is unavailable: {}", e.toString());
    return withRetryAfter(
        Problems.of(
            ProblemType.SERVICE_UNAVAILABLE,
            "a backing service (Temporal or DynamoDB) did not answer; retry later"),
        5);
  }

  private static ResponseEntity<ProblemDetail> withRetryAfter(
      ResponseEntity<ProblemDetail> response, int seconds) {
    return ResponseEntity.status(response.getStatusCode())
        .headers(response.getHeaders())
        .header("Retry-After", Integer.toString(seconds))
        .body(response.getBody());
  }

  // The client hung up (a scrape that timed out, say): there is no one left to answer.
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void clientGone(AsyncRequestNotUsableException e) {
    log.debug("client went away: {}", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("unexpected failure", e);
    return Problems.of(ProblemType.INTERNAL_ERROR, "an unexpected error occurred; it was logged");
  }

  private static String typeName(MethodArgumentTypeMismatchException e) {
    return e.getRequiredType() == null ? "the expected type" : e.getRequiredType().getSimpleName();
  }
}
