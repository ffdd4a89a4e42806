package io.orderflow.order;

import static io.orderflow.order.OrderFixtures.ORDER_ID;
import static io.orderflow.order.OrderFixtures.recorded;
import static io.orderflow.order.OrderFixtures.validCreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The order lifecycle of DESIGN.md §6, command by command: every (status, command) pair is either
 * legal and yields its event, or refused as an illegal transition that names the status.
 */
class OrderStateMachineTest {

  /** The six commands an existing order takes, by the name the API gives them. */
  enum Verb {
    CONFIRM(OrderStatus.CONFIRMED),
    PAY(OrderStatus.PAID),
    SHIP(OrderStatus.SHIPPED),
    DELIVER(OrderStatus.DELIVERED),
    CANCEL(OrderStatus.CANCELLED),
    REFUND(OrderStatus.REFUNDED);

    /** Where the command leads when it is accepted. */
    final OrderStatus target;

    Verb(OrderStatus target) {
      this.target = target;
    }
  }

  /** DESIGN.md §6, written out independently of {@link OrderStateMachine}. */
  private static final Set<String> LEGAL =
      Set.of(
          "PENDING CONFIRM",
          "PENDING CANCEL",
          "CONFIRMED PAY",
          "CONFIRMED CANCEL",
          "PAID SHIP",
          "PAID REFUND",
          "SHIPPED DELIVER",
          "DELIVERED REFUND");

  static Stream<Arguments> legalPairs() {
    return allPairs().filter(a -> isLegal(a));
  }

  static Stream<Arguments> illegalPairs() {
    return allPairs().filter(a -> !isLegal(a));
  }

  @Test
  @DisplayName("the test's table covers all 7 statuses × 6 commands: 8 legal, 34 illegal")
  void everyPairIsEitherLegalOrIllegal() {
    assertThat(legalPairs()).hasSize(8);
    assertThat(illegalPairs()).hasSize(OrderStatus.values().length * Verb.values().length - 8);
  }

  @ParameterizedTest(name = "{0} + {1} → its event")
  @MethodSource("legalPairs")
  void givenStatusThatAllowsTheCommand_whenDecide_thenExactlyItsEvent(
      OrderStatus status, Verb verb) {
    Order order = orderIn(status);
    OrderCommand command = validCommand(verb, order);

    List<OrderEvent> events = OrderDecisions.decide(order, command);

    assertThat(events).containsExactly(expectedEvent(command));
  }

  @ParameterizedTest(name = "{0} + {1} → {1}'s target status")
  @MethodSource("legalPairs")
  void givenStatusThatAllowsTheCommand_whenItsEventIsFolded_thenTheOrderIsInTheTargetStatus(
      OrderStatus status, Verb verb) {
    Order order = orderIn(status);
    OrderCommand command = validCommand(verb, order);

    Order next = applyAll(order, OrderDecisions.decide(order, command));

    assertThat(next.status()).isEqualTo(verb.target);
    assertThat(next.version()).isEqualTo(order.version() + 1);
  }

  @ParameterizedTest(name = "{0} + {1} → 409 illegal transition")
  @MethodSource("illegalPairs")
  void givenStatusThatForbidsTheCommand_whenDecide_thenIllegalTransitionNamingTheStatus(
      OrderStatus status, Verb verb) {
    Order order = orderIn(status);

    OrderRejected rejected = rejection(order, validCommand(verb, order));

    assertThat(rejected.reason()).isEqualTo(OrderRejected.ILLEGAL_TRANSITION);
    assertThat(rejected.getMessage())
        .isEqualTo("cannot " + verb.name().toLowerCase() + " an order that is " + status);
    assertThat(rejected.violations()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(OrderStatus.class)
  void theStateMachineAllowsExactlyTheTransitionsOfTheDesign(OrderStatus from) {
    Set<OrderStatus> expected = EnumSet.noneOf(OrderStatus.class);
    for (Verb verb : Verb.values()) {
      if (LEGAL.contains(from + " " + verb)) {
        expected.add(verb.target);
      }
    }

    assertThat(OrderStateMachine.next(from)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = OrderStatus.class,
      names = {"CANCELLED", "REFUNDED"})
  void givenFinalOrder_whenAnyCommand_thenEveryOneIsRefused(OrderStatus status) {
    Order order = orderIn(status);

    for (Verb verb : Verb.values()) {
      assertThat(rejection(order, validCommand(verb, order)).reason())
          .as("%s on a %s order", verb, status)
          .isEqualTo(OrderRejected.ILLEGAL_TRANSITION);
    }
    assertThat(order.isFinal()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Verb.class)
  void givenNoOrder_whenCommand_thenOrderNotFound(Verb verb) {
    Order nothing = Order.initial("o-missing");

    OrderRejected rejected = rejection(nothing, validCommand(verb, orderIn(OrderStatus.PAID)));

    assertThat(rejected.reason()).isEqualTo(OrderRejected.ORDER_NOT_FOUND);
    assertThat(rejected.getMessage()).isEqualTo("order o-missing does not exist");
  }

  @Test
  void givenPendingOrder_whenPayWithAWrongAmount_thenTheIllegalTransitionIsReportedNotTheAmount() {
    OrderRejected rejected =
        rejection(orderIn(OrderStatus.PENDING), new OrderCommand.Pay("pay-1", BigDecimal.ONE));

    assertThat(rejected.reason()).isEqualTo(OrderRejected.ILLEGAL_TRANSITION);
  }

  @Nested
  class Pay {
    private final Order confirmed = orderIn(OrderStatus.CONFIRMED);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"28.99", "28.990", "28.9900000"})
    void givenConfirmedOrder_whenPayTheTotal_thenPaidWithThatAmount(String amount) {
      Order paid = applyAll(confirmed, decide(confirmed, pay(amount)));

      assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
      assertThat(paid.amountPaid()).isEqualByComparingTo("28.99");
      assertThat(paid.paymentId()).isEqualTo("pay-1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"28.98", "0", "0.01", "1"})
    void givenConfirmedOrder_whenPayLessThanTheTotal_thenAmountMustEqualTheTotal(String amount) {
      assertThat(invalid(confirmed, pay(amount)))
          .containsExactly(new FieldViolation("amount", "must equal the order total 28.99"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"29.00", "28.991", "1000000"})
    void givenConfirmedOrder_whenPayMoreThanTheTotal_thenAmountIsNamed(String amount) {
      assertThat(invalid(confirmed, pay(amount)))
          .extracting(FieldViolation::field)
          .containsOnly("amount");
    }

    @Test
    void givenConfirmedOrder_whenPayWithMoreDecimalsThanTheCurrency_thenTheScaleIsNamed() {
      assertThat(invalid(confirmed, pay("28.989")))
          .contains(new FieldViolation("amount", "has more decimal places than EUR allows (2)"));
    }

    @Test
    void givenConfirmedOrder_whenPayANegativeAmount_thenAmountMustNotBeNegative() {
      assertThat(invalid(confirmed, pay("-28.99")))
          .contains(new FieldViolation("amount", "must not be negative"));
    }

    @Test
    void givenConfirmedOrder_whenPayWithoutAmount_thenAmountIsRequired() {
      assertThat(invalid(confirmed, new OrderCommand.Pay("pay-1", null)))
          .containsExactly(new FieldViolation("amount", "must not be null"));
    }

    @ParameterizedTest
    @CsvSource(
        value = {"''", "' '", "NULL"},
        nullValues = "NULL")
    void givenConfirmedOrder_whenPayWithoutPaymentId_thenPaymentIdIsRequired(String paymentId) {
      assertThat(invalid(confirmed, new OrderCommand.Pay(paymentId, new BigDecimal("28.99"))))
          .containsExactly(new FieldViolation("paymentId", "must not be blank"));
    }

    @Test
    void givenConfirmedJpyOrder_whenPayWithAnyDecimal_thenTheScaleIsNamed() {
      Order yen =
          confirmedOrder(
              new OrderCreated(
                  ORDER_ID, "c-1", "JPY", List.of(new LineItem("A", 3, new BigDecimal("100")))));

      assertThat(invalid(yen, new OrderCommand.Pay("pay-1", new BigDecimal("300.5"))))
          .contains(new FieldViolation("amount", "has more decimal places than JPY allows (0)"));
      assertThat(decide(yen, new OrderCommand.Pay("pay-1", new BigDecimal("300")))).hasSize(1);
    }

    private OrderCommand.Pay pay(String amount) {
      return new OrderCommand.Pay("pay-1", new BigDecimal(amount));
    }
  }

  @Nested
  class Refund {
    private final Order paid = orderIn(OrderStatus.PAID);
    private final Order delivered = orderIn(OrderStatus.DELIVERED);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"28.99", "10.00", "0.01"})
    void givenPaidOrder_whenRefundUpToWhatWasPaid_thenRefundedWithThatAmount(String amount) {
      Order refunded = applyAll(paid, decide(paid, refund(amount)));

      assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
      assertThat(refunded.amountRefunded()).isEqualByComparingTo(amount);
      assertThat(refunded.amountRefunded()).isLessThanOrEqualTo(refunded.amountPaid());
    }

    @Test
    void givenDeliveredOrder_whenRefundInFull_thenRefunded() {
      Order refunded = applyAll(delivered, decide(delivered, refund("28.99")));

      assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
      assertThat(refunded.refundable()).isEqualByComparingTo("0");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"29.00", "28.991", "100"})
    void givenPaidOrder_whenRefundMoreThanWasPaid_thenAmountCannotExceedIt(String amount) {
      assertThat(invalid(paid, refund(amount)))
          .contains(new FieldViolation("amount", "cannot exceed what was paid (28.99 EUR)"));
    }

    @Test
    void givenDeliveredOrder_whenRefundMoreThanWasPaid_thenAmountCannotExceedIt() {
      assertThat(invalid(delivered, refund("50")))
          .containsExactly(new FieldViolation("amount", "cannot exceed what was paid (28.99 EUR)"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "0.00"})
    void givenPaidOrder_whenRefundZero_thenAmountMustBePositive(String amount) {
      assertThat(invalid(paid, refund(amount)))
          .containsExactly(new FieldViolation("amount", "must be positive"));
    }

    @Test
    void givenPaidOrder_whenRefundANegativeAmount_thenAmountMustNotBeNegative() {
      assertThat(invalid(paid, refund("-1.00")))
          .containsExactly(new FieldViolation("amount", "must not be negative"));
    }

    @Test
    void givenPaidOrder_whenRefundWithMoreDecimalsThanTheCurrency_thenTheScaleIsNamed() {
      assertThat(invalid(paid, refund("1.001")))
          .containsExactly(
              new FieldViolation("amount", "has more decimal places than EUR allows (2)"));
    }

    @Test
    void givenPaidOrder_whenRefundWithoutAmountOrReason_thenBothAreNamed() {
      assertThat(invalid(paid, new OrderCommand.Refund(null, " ")))
          .extracting(FieldViolation::field)
          .containsExactlyInAnyOrder("amount", "reason");
    }

    private OrderCommand.Refund refund(String amount) {
      return new OrderCommand.Refund(new BigDecimal(amount), "damaged");
    }
  }

  @Nested
  class ShipAndCancel {
    @ParameterizedTest
    @CsvSource(
        value = {"NULL, T-1, carrier", "' ', T-1, carrier", "DHL, NULL, trackingNumber"},
        nullValues = "NULL")
    void givenPaidOrder_whenShipWithoutCarrierOrTracking_thenTheMissingFieldIsNamed(
        String carrier, String trackingNumber, String field) {
      assertThat(invalid(orderIn(OrderStatus.PAID), new OrderCommand.Ship(carrier, trackingNumber)))
          .containsExactly(new FieldViolation(field, "must not be blank"));
    }

    @Test
    void givenPaidOrder_whenShip_thenShippedWithCarrierAndTrackingNumber() {
      Order paid = orderIn(OrderStatus.PAID);

      Order shipped = applyAll(paid, decide(paid, new OrderCommand.Ship("DHL", "T-1")));

      assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
      assertThat(shipped.carrier()).isEqualTo("DHL");
      assertThat(shipped.trackingNumber()).isEqualTo("T-1");
    }

    @Test
    void givenPendingOrder_whenCancelWithoutReason_thenReasonIsRequired() {
      assertThat(invalid(orderIn(OrderStatus.PENDING), new OrderCommand.Cancel(null)))
          .containsExactly(new FieldViolation("reason", "must not be blank"));
    }

    @Test
    void givenConfirmedOrder_whenCancel_thenCancelledWithTheReason() {
      Order confirmed = orderIn(OrderStatus.CONFIRMED);

      Order cancelled =
          applyAll(confirmed, decide(confirmed, new OrderCommand.Cancel("changed my mind")));

      assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
      assertThat(cancelled.cancelReason()).isEqualTo("changed my mind");
      assertThat(cancelled.isFinal()).isTrue();
    }
  }

  /** An order from {@link OrderFixtures#validCreate()} (total 28.99 EUR), walked to a status. */
  static Order orderIn(OrderStatus status) {
    List<OrderEvent> path = new ArrayList<>();
    CreateOrder create = validCreate();
    path.add(
        new OrderCreated(create.orderId(), create.customerId(), create.currency(), create.items()));
    BigDecimal total = new BigDecimal("28.99");
    switch (status) {
      case PENDING -> {}
      case CONFIRMED -> path.add(new OrderConfirmed());
      case PAID -> path.addAll(List.of(new OrderConfirmed(), new OrderPaid("pay-1", total)));
      case SHIPPED ->
          path.addAll(
              List.of(
                  new OrderConfirmed(),
                  new OrderPaid("pay-1", total),
                  new OrderShipped("DHL", "T-1")));
      case DELIVERED ->
          path.addAll(
              List.of(
                  new OrderConfirmed(),
                  new OrderPaid("pay-1", total),
                  new OrderShipped("DHL", "T-1"),
                  new OrderDelivered()));
      case CANCELLED -> path.add(new OrderCancelled("changed my mind"));
      case REFUNDED ->
          path.addAll(
              List.of(
                  new OrderConfirmed(),
                  new OrderPaid("pay-1", total),
                  new OrderRefunded(total, "damaged")));
    }
    Order order = applyAll(Order.initial(ORDER_ID), path);
    assertThat(order.status()).as("fixture").isEqualTo(status);
    return order;
  }

  /** A command of the verb whose input is valid for {@code order}, whatever its status. */
  static OrderCommand validCommand(Verb verb, Order order) {
    return switch (verb) {
      case CONFIRM -> new OrderCommand.Confirm();
      case PAY -> new OrderCommand.Pay("pay-1", order.total());
      case SHIP -> new OrderCommand.Ship("DHL", "T-1");
      case DELIVER -> new OrderCommand.Deliver();
      case CANCEL -> new OrderCommand.Cancel("changed my mind");
      case REFUND ->
          new OrderCommand.Refund(
              order.refundable().signum() > 0 ? order.refundable() : new BigDecimal("1.00"),
              "damaged");
    };
  }

  private static OrderEvent expectedEvent(OrderCommand command) {
    if (command instanceof OrderCommand.Pay pay) {
      return new OrderPaid(pay.paymentId(), pay.amount());
    }
    if (command instanceof OrderCommand.Ship ship) {
      return new OrderShipped(ship.carrier(), ship.trackingNumber());
    }
    if (command instanceof OrderCommand.Cancel cancel) {
      return new OrderCancelled(cancel.reason());
    }
    if (command instanceof OrderCommand.Refund refund) {
      return new OrderRefunded(refund.amount(), refund.reason());
    }
    return command instanceof OrderCommand.Confirm ? new OrderConfirmed() : new OrderDelivered();
  }

  private static Order confirmedOrder(OrderCreated created) {
    return applyAll(Order.initial(ORDER_ID), List.of(created, new OrderConfirmed()));
  }

  private static Order applyAll(Order order, List<OrderEvent> events) {
    Order next = order;
    for (OrderEvent event : events) {
      next = next.apply(recorded(next.version() + 1, event));
    }
    return next;
  }

  private static List<OrderEvent> decide(Order order, OrderCommand command) {
    return OrderDecisions.decide(order, command);
  }

  private static OrderRejected rejection(Order order, OrderCommand command) {
    OrderRejected rejected =
        catchThrowableOfType(OrderRejected.class, () -> OrderDecisions.decide(order, command));
    assertThat(rejected).as("%s on %s must be refused", command, order.status()).isNotNull();
    return rejected;
  }

  /** The violations of a command refused for its input (not for the order's status). */
  private static List<FieldViolation> invalid(Order order, OrderCommand command) {
    OrderRejected rejected = rejection(order, command);
    assertThat(rejected.reason()).isEqualTo(OrderRejected.INVALID_COMMAND);
    assertThat(rejected.getMessage()).isEqualTo("cannot " + command.name() + " the order");
    return rejected.violations();
  }

  private static Stream<Arguments> allPairs() {
    return Arrays.stream(OrderStatus.values())
        .flatMap(s -> Arrays.stream(Verb.values()).map(v -> Arguments.of(s, v)));
  }

  private static boolean isLegal(Arguments pair) {
    return LEGAL.contains(pair.get()[0] + " " + pair.get()[1]);
  }
}
