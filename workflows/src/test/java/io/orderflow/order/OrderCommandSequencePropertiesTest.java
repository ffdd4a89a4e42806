package io.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever commands arrive, in whatever order and with whatever amounts, decide + fold keep the
 * order inside the lifecycle of DESIGN.md §6. (Named {@code *Test} so that Surefire runs it.)
 */
class OrderCommandSequencePropertiesTest {

  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  /** DESIGN.md §6, written out independently of {@link OrderStateMachine}. */
  private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED =
      Map.of(
          OrderStatus.PENDING, Set.of(OrderStatus.CONFIRMED, OrderStatus.CANCELLED),
          OrderStatus.CONFIRMED, Set.of(OrderStatus.PAID, OrderStatus.CANCELLED),
          OrderStatus.PAID, Set.of(OrderStatus.SHIPPED, OrderStatus.REFUNDED),
          OrderStatus.SHIPPED, Set.of(OrderStatus.DELIVERED),
          OrderStatus.DELIVERED, Set.of(OrderStatus.REFUNDED),
          OrderStatus.CANCELLED, Set.of(),
          OrderStatus.REFUNDED, Set.of());

  /** How an amount is chosen, relative to the order as it is when the command arrives. */
  enum Amount {
    TOTAL,
    REFUNDABLE,
    HALF_OF_REFUNDABLE,
    ONE_MINOR_UNIT_MORE,
    ONE_MINOR_UNIT_LESS,
    ZERO,
    NEGATIVE,
    TOO_PRECISE,
    NONE
  }

  /** A command before its amount is known: the verb and how its amount will be picked. */
  record Step(String verb, Amount amount, boolean blankText) {}

  @Property(tries = 500)
  void everyAcceptedCommandIsATransitionTheDesignAllows(
      @ForAll("orders") OrderCreated created, @ForAll("steps") List<Step> steps) {
    Order order = created(created);
    for (Step step : steps) {
      OrderStatus before = order.status();
      Order after = tryCommand(order, step);

      if (after != order) {
        assertThat(ALLOWED.get(before))
            .as("%s after %s", after.status(), before)
            .contains(after.status());
      }
      order = after;
    }
  }

  @Property(tries = 500)
  void amountRefundedNeverExceedsAmountPaidAndNeitherIsNegative(
      @ForAll("orders") OrderCreated created, @ForAll("steps") List<Step> steps) {
    Order order = created(created);
    for (Step step : steps) {
      order = tryCommand(order, step);

      assertThat(order.amountRefunded()).isLessThanOrEqualTo(order.amountPaid());
      assertThat(order.amountRefunded().signum()).isNotNegative();
      assertThat(order.amountPaid().signum()).isNotNegative();
    }
  }

  @Property(tries = 500)
  void aPaidOrderWasPaidExactlyItsTotal(
      @ForAll("orders") OrderCreated created, @ForAll("steps") List<Step> steps) {
    Order order = created(created);
    for (Step step : steps) {
      order = tryCommand(order, step);

      if (order.paymentId() != null) {
        assertThat(order.amountPaid()).isEqualByComparingTo(order.total());
      }
    }
  }

  @Property(tries = 500)
  void aFinalOrderNeverChangesAgain(
      @ForAll("orders") OrderCreated created, @ForAll("steps") List<Step> steps) {
    Order order = created(created);
    Order finalState = null;
    for (Step step : steps) {
      order = tryCommand(order, step);

      if (finalState != null) {
        assertThat(order).isEqualTo(finalState);
      } else if (order.isFinal()) {
        finalState = order;
      }
    }

    // The generator must reach both final states often enough for this property to mean much.
    Statistics.collect(order.status());
    Statistics.coverage(
        coverage -> {
          coverage.check(OrderStatus.REFUNDED).percentage(p -> p >= 1);
          coverage.check(OrderStatus.CANCELLED).percentage(p -> p >= 1);
          coverage.check(OrderStatus.DELIVERED).count(n -> n > 0);
        });
  }

  @Property(tries = 500)
  void eachAcceptedCommandAddsExactlyOneVersion(
      @ForAll("orders") OrderCreated created, @ForAll("steps") List<Step> steps) {
    Order order = created(created);
    int accepted = 0;
    for (Step step : steps) {
      Order after = tryCommand(order, step);
      if (after != order) {
        accepted++;
      }
      order = after;
    }

    assertThat(order.version()).isEqualTo(1 + accepted);
  }

  @Property(tries = 500)
  void aRefusedCommandNamesWhyAndItsReasonIsOneOfTheKnownOnes(
      @ForAll("orders") OrderCreated created, @ForAll("steps") List<Step> steps) {
    Order order = created(created);
    for (Step step : steps) {
      OrderCommand command = command(order, step);
      try {
        order = apply(order, OrderDecisions.decide(order, command));
      } catch (OrderRejected rejected) {
        boolean allowed = ALLOWED.get(order.status()).contains(command.target());
        assertThat(rejected.reason())
            .isEqualTo(allowed ? OrderRejected.INVALID_COMMAND : OrderRejected.ILLEGAL_TRANSITION);
        assertThat(rejected.violations().isEmpty()).isEqualTo(!allowed);
      }
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.of("confirm", "pay", "ship", "deliver", "cancel", "refund"),
                // mostly amounts that can be accepted, so that sequences get deep into the
                // lifecycle
                Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.just(Amount.TOTAL)),
                    Tuple.of(4, Arbitraries.just(Amount.REFUNDABLE)),
                    Tuple.of(6, Arbitraries.of(Amount.class))),
                Arbitraries.integers().between(0, 9).map(i -> i == 0))
            .as(Step::new);
    return step.list().ofMinSize(0).ofMaxSize(40);
  }

  @Provide
  Arbitrary<OrderCreated> orders() {
    return Arbitraries.of("EUR", "JPY", "BHD", "USD")
        .flatMap(
            currency -> {
              int digits = Currency.getInstance(currency).getDefaultFractionDigits();
              Arbitrary<LineItem> item =
                  Combinators.combine(
                          Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6),
                          Arbitraries.integers().between(1, 5),
                          Arbitraries.longs().between(0, 100_000))
                      .as(
                          (sku, quantity, minor) ->
                              new LineItem(sku, quantity, BigDecimal.valueOf(minor, digits)));
              return item.list()
                  .ofMinSize(1)
                  .ofMaxSize(4)
                  .map(items -> new OrderCreated("o-prop", "c-prop", currency, items));
            });
  }

  private static Order created(OrderCreated created) {
    return apply(Order.initial(created.orderId()), List.of(created));
  }

  /** The order after the step: a new state when accepted, the very same one when refused. */
  private static Order tryCommand(Order order, Step step) {
    try {
      return apply(order, OrderDecisions.decide(order, command(order, step)));
    } catch (OrderRejected refused) {
      return order;
    }
  }

  private static OrderCommand command(Order order, Step step) {
    String text = step.blankText() ? " " : "text";
    return switch (step.verb()) {
      case "confirm" -> new OrderCommand.Confirm();
      case "pay" -> new OrderCommand.Pay(text, amount(order, step.amount()));
      case "ship" -> new OrderCommand.Ship(text, "T-1");
      case "deliver" -> new OrderCommand.Deliver();
      case "cancel" -> new OrderCommand.Cancel(text);
      case "refund" -> new OrderCommand.Refund(amount(order, step.amount()), text);
      default -> throw new IllegalArgumentException(step.verb());
    };
  }

  private static BigDecimal amount(Order order, Amount amount) {
    int digits = Currency.getInstance(order.currency()).getDefaultFractionDigits();
    BigDecimal minorUnit = BigDecimal.ONE.movePointLeft(digits);
    return switch (amount) {
      case TOTAL -> order.total();
      case REFUNDABLE -> order.refundable();
      case HALF_OF_REFUNDABLE ->
          order.refundable().divide(BigDecimal.valueOf(2), digits, java.math.RoundingMode.DOWN);
      case ONE_MINOR_UNIT_MORE -> order.refundable().add(minorUnit);
      case ONE_MINOR_UNIT_LESS -> order.total().subtract(minorUnit);
      case ZERO -> BigDecimal.ZERO;
      case NEGATIVE -> minorUnit.negate();
      case TOO_PRECISE -> order.total().add(minorUnit.movePointLeft(1));
      case NONE -> null;
    };
  }

  private static Order apply(Order order, List<OrderEvent> events) {
    Order next = order;
    for (OrderEvent event : events) {
      long version = next.version() + 1;
      next =
          next.apply(new RecordedEvent(version, "e-" + version, START.plusSeconds(version), event));
    }
    return next;
  }
}
