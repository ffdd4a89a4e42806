package io.orderflow.api.order;

import io.orderflow.api.problem.InvalidParameter;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.order.CreateOrder;
import io.orderflow.order.LineItem;
import io.orderflow.order.Order;
import io.orderflow.order.OrderCommand;
import io.orderflow.order.OrderDecisions;
import io.orderflow.order.OrderRejected;
import io.orderflow.order.workflow.CommandOutcome;
import io.orderflow.order.workflow.OrderWorkflow;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.projection.SummaryPage;
import io.orderflow.workers.logging.MdcContextPropagator;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The orders resource. Writes go through the order's workflow; reads come from the event store (one
 * order) or the projection (lists).
 *
 * <p>Headers: {@code Idempotency-Key} makes a retried request harmless (a creation returns the same
 * order; a command is applied once); {@code X-Correlation-Id} is kept with every commit it causes;
 * {@code X-Actor} names who asked.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {
  private final OrderCommands commands;
  private final OrderQueries queries;
  private final OrderSummaryProjection projection;
  private final OrderMetrics metrics;

  OrderController(
      OrderCommands commands,
      OrderQueries queries,
      OrderSummaryProjection projection,
      OrderMetrics metrics) {
    this.commands = commands;
    this.queries = queries;
    this.projection = projection;
    this.metrics = metrics;
  }

  @PostMapping
  ResponseEntity<OrderView> create(
      @RequestBody CreateOrderRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId,
      @RequestHeader(name = "X-Actor", required = false) String actor) {
    checkKey(idempotencyKey);
    String orderId =
        idempotencyKey == null
            ? UUID.randomUUID().toString()
            : IdempotencyKeys.orderId(idempotencyKey);
    CreateOrder command = toCommand(orderId, request);
    MDC.put(MdcContextPropagator.ORDER_ID, orderId);
    String correlation = correlation(correlationId);
    String requestId =
        idempotencyKey == null
            ? UUID.randomUUID().toString()
            : IdempotencyKeys.requestId(idempotencyKey, command);
    CommitMetadata metadata =
        new CommitMetadata(correlation, requestId, actor(actor), OrderWorkflow.workflowId(orderId));
    Order order =
        metrics.timeCreate(
            () -> {
              // The workflow checks again and is the authority; this spares a workflow start.
              var violations = OrderDecisions.violations(command);
              if (!violations.isEmpty()) {
                throw new OrderRejected(
                    OrderRejected.INVALID_ORDER, "the order is invalid", violations);
              }
              try {
                return commands.create(command, metadata);
              } catch (OrderRejected e) {
                if (idempotencyKey == null) {
                  throw e;
                }
                return earlierCreation(e, orderId, requestId);
              }
            });
    return ResponseEntity.created(URI.create("/api/orders/" + orderId)).body(OrderView.of(order));
  }

  // A keyed creation that finds its order already there (its workflow may have ended): the same
  // request again gets that order; a different request under the same key is a client bug worth
  // a clear 409.
  private Order earlierCreation(OrderRejected e, String orderId, String requestId) {
    if (!OrderRejected.ORDER_EXISTS.equals(e.reason())
        && !EventStoreActivities.CONCURRENCY_CONFLICT.equals(e.reason())) {
      throw e;
    }
    if (queries.createdBy(orderId).filter(requestId::equals).isPresent()) {
      return queries.order(orderId, null);
    }
    throw new OrderRejected(
        OrderRejected.IDEMPOTENCY_KEY_REUSED,
        "this Idempotency-Key already created order " + orderId + " from a different request",
        List.of());
  }

  @PostMapping("/{orderId}/confirm")
  OrderView confirm(@PathVariable String orderId, @RequestHeader HttpHeaders headers) {
    return command(orderId, new OrderCommand.Confirm(), headers);
  }

  @PostMapping("/{orderId}/pay")
  OrderView pay(
      @PathVariable String orderId,
      @RequestBody CommandRequests.Pay body,
      @RequestHeader HttpHeaders headers) {
    return command(orderId, new OrderCommand.Pay(body.paymentId(), body.amount()), headers);
  }

  @PostMapping("/{orderId}/ship")
  OrderView ship(
      @PathVariable String orderId,
      @RequestBody CommandRequests.Ship body,
      @RequestHeader HttpHeaders headers) {
    return command(orderId, new OrderCommand.Ship(body.carrier(), body.trackingNumber()), headers);
  }

  @PostMapping("/{orderId}/deliver")
  OrderView deliver(@PathVariable String orderId, @RequestHeader HttpHeaders headers) {
    return command(orderId, new OrderCommand.Deliver(), headers);
  }

  @PostMapping("/{orderId}/cancel")
  OrderView cancel(
      @PathVariable String orderId,
      @RequestBody CommandRequests.Cancel body,
      @RequestHeader HttpHeaders headers) {
    return command(orderId, new OrderCommand.Cancel(body.reason()), headers);
  }

  @PostMapping("/{orderId}/refund")
  OrderView refund(
      @PathVariable String orderId,
      @RequestBody CommandRequests.Refund body,
      @RequestHeader HttpHeaders headers) {
    return command(orderId, new OrderCommand.Refund(body.amount(), body.reason()), headers);
  }

  /**
   * Has the order's workflow take in the order as the serving tables hold it, so that commands are
   * judged on that order (after a full restore: docs/runbooks/full-restore.md). Writes nothing.
   */
  @PostMapping("/{orderId}/refresh")
  OrderView refresh(@PathVariable String orderId) {
    try {
      return OrderView.of(commands.refresh(orderId));
    } catch (OrderCommands.WorkflowGone gone) {
      // No workflow holds the order in memory: what the tables hold is all there is.
      return OrderView.of(queries.order(orderId, null));
    }
  }

  @GetMapping("/{orderId}")
  OrderView get(@PathVariable String orderId, @RequestParam(required = false) Long atVersion) {
    return OrderView.of(metrics.timeRead(() -> queries.order(orderId, atVersion)));
  }

  @GetMapping("/{orderId}/events")
  EventsView events(@PathVariable String orderId) {
    return EventsView.of(orderId, queries.events(orderId));
  }

  @GetMapping
  OrderListView list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String customerId,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(required = false) String pageToken) {
    if (status != null && !isStatus(status)) {
      throw new InvalidParameter("status", "is not an order status: " + status);
    }
    SummaryPage page =
        projection.find(
            Optional.ofNullable(status),
            Optional.ofNullable(customerId),
            limit,
            Optional.ofNullable(pageToken));
    return OrderListView.of(page);
  }

  private OrderView command(String orderId, OrderCommand command, HttpHeaders http) {
    HeadersIn headers = HeadersIn.of(http);
    checkKey(headers.idempotencyKey());
    String correlation = correlation(headers.correlationId());
    CommitMetadata metadata =
        new CommitMetadata(
            correlation,
            headers.idempotencyKey() == null
                ? UUID.randomUUID().toString()
                : command.name() + ":" + headers.idempotencyKey(),
            actor(headers.actor()),
            OrderWorkflow.workflowId(orderId));
    CommandOutcome outcome =
        metrics.timeTransition(
            command,
            () -> {
              try {
                return commands.execute(orderId, command, metadata);
              } catch (OrderCommands.WorkflowGone gone) {
                throw queries.whyNoWorkflow(orderId, command);
              }
            });
    return OrderView.of(outcome.order());
  }

  private static void checkKey(String key) {
    if (key != null && (key.isBlank() || key.length() > IdempotencyKeys.MAX_KEY_LENGTH)) {
      throw new InvalidParameter(
          "Idempotency-Key", "must be 1 to " + IdempotencyKeys.MAX_KEY_LENGTH + " characters");
    }
  }

  private static boolean isStatus(String status) {
    for (var s : io.orderflow.order.OrderStatus.values()) {
      if (s.name().equals(status)) {
        return true;
      }
    }
    return false;
  }

  // The correlation filter has settled the id for this request (the client's, or a new one).
  private static String correlation(String header) {
    String settled = MDC.get(MdcContextPropagator.CORRELATION_ID);
    if (settled != null) {
      return settled;
    }
    return header == null || header.isBlank() ? UUID.randomUUID().toString() : header;
  }

  private static String actor(String header) {
    return header == null || header.isBlank() ? "api" : header;
  }

  private static CreateOrder toCommand(String orderId, CreateOrderRequest request) {
    List<LineItem> items =
        request.items() == null
            ? null
            : request.items().stream()
                .map(i -> i == null ? null : new LineItem(i.sku(), i.quantity(), i.unitPrice()))
                .toList();
    return new CreateOrder(orderId, request.customerId(), request.currency(), items);
  }
}
