package io.orderflow.api.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderflow.order.OrderCommand;
import io.orderflow.order.OrderRejected;
import io.orderflow.order.OrderStateMachine;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.workflow.CommandOutcome;
import io.temporal.client.WorkflowServiceException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Order operations as the client sees them, end to end through the API: creation and read latency,
 * and refused or failed operations by reason (docs/operations/metrics.md).
 */
@Component
class OrderMetrics {
  private final MeterRegistry meters;
  private final Timer createLatency;
  private final Timer readLatency;

  OrderMetrics(MeterRegistry meters) {
    this.meters = meters;
    this.createLatency =
        Timer.builder("orderflow.orders.create.latency")
            .description("Time to create an order, from request to persisted answer")
            .publishPercentileHistogram()
            .register(meters);
    this.readLatency =
        Timer.builder("orderflow.orders.read.latency")
            .description("Time to read one order")
            .publishPercentileHistogram()
            .register(meters);
    // Every legal transition exists from the start, so dashboards show it before it first happens.
    for (OrderStatus from : OrderStatus.values()) {
      for (OrderStatus to : OrderStateMachine.next(from)) {
        transition(from, to);
      }
    }
  }

  /** Times a successful creation; counts a failed one by its reason. */
  <T> T timeCreate(Supplier<T> create) {
    return counted("create", () -> createLatency.record(create));
  }

  /** Times an accepted command by the transition it made; counts a refused one. */
  CommandOutcome timeTransition(OrderCommand command, Supplier<CommandOutcome> execute) {
    return counted(
        command.name(),
        () -> {
          long start = System.nanoTime();
          CommandOutcome outcome = execute.get();
          transition(outcome.from(), command.target())
              .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
          return outcome;
        });
  }

  private Timer transition(OrderStatus from, OrderStatus to) {
    return Timer.builder("orderflow.orders.transition.latency")
        .description("Time for a command to move an order from one status to the next")
        .tag("from", from == null ? "NONE" : from.name())
        .tag("to", to.name())
        .publishPercentileHistogram()
        .register(meters);
  }

  <T> T timeRead(Supplier<T> read) {
    return readLatency.record(read);
  }

  /** Runs an operation; a failure is counted by its reason, then passed on. */
  <T> T counted(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (OrderRejected e) {
      failures(operation, e.reason()).increment();
      throw e;
    } catch (WorkflowServiceException | SdkClientException e) {
      failures(operation, "Unavailable").increment();
      throw e;
    } catch (RuntimeException e) {
      failures(operation, "Error").increment();
      throw e;
    }
  }

  private Counter failures(String operation, String reason) {
    return Counter.builder("orderflow.orders.failures")
        .description("Order operations refused or failed, by operation and problem type")
        .tag("operation", operation)
        .tag("reason", reason)
        .register(meters);
  }
}
