package io.orderflow.api.order;

import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.order.CreateOrder;
import io.orderflow.order.LineItem;
import io.orderflow.order.Order;
import io.orderflow.order.OrderDecisions;
import io.orderflow.order.OrderRejected;
import io.orderflow.order.workflow.OrderWorkflow;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {
  private final OrderCommands commands;
  private final OrderQueries queries;
  private final OrderMetrics metrics;

  OrderController(OrderCommands commands, OrderQueries queries, OrderMetrics metrics) {
    this.commands = commands;
    this.queries = queries;
    this.metrics = metrics;
  }

  @PostMapping
  ResponseEntity<OrderView> create(
      @RequestBody CreateOrderRequest request,
      @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId,
      @RequestHeader(name = "X-Actor", required = false) String actor) {
    String orderId = UUID.randomUUID().toString();
    CreateOrder command = toCommand(orderId, request);
    String correlation = correlationId == null ? UUID.randomUUID().toString() : correlationId;
    Order order =
        metrics.timeCreate(
            () -> {
              // The workflow checks again and is the authority; this spares a workflow start.
              var violations = OrderDecisions.violations(command);
              if (!violations.isEmpty()) {
                throw new OrderRejected(
                    OrderRejected.INVALID_ORDER, "the order is invalid", violations);
              }
              return commands.create(
                  command,
                  new CommitMetadata(
                      correlation,
                      correlation,
                      actor == null ? "api" : actor,
                      OrderWorkflow.workflowId(orderId)));
            });
    return ResponseEntity.created(URI.create("/api/orders/" + orderId))
        .header("X-Correlation-Id", correlation)
        .body(OrderView.of(order));
  }

  @GetMapping("/{orderId}")
  OrderView get(@PathVariable String orderId, @RequestParam(required = false) Long atVersion) {
    return OrderView.of(metrics.timeRead(() -> queries.order(orderId, atVersion)));
  }

  @GetMapping("/{orderId}/events")
  EventsView events(@PathVariable String orderId) {
    return EventsView.of(orderId, queries.events(orderId));
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
