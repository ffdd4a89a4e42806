package io.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the fold for any valid creation. (Named {@code *Test} so that Surefire's default
 * includes run it; {@code *Properties} classes are silently skipped by this build.)
 */
class OrderFoldPropertiesTest {

  private static final Instant OCCURRED_AT = Instant.parse("2025-01-01T00:00:00Z");

  @Property
  void everyGeneratedCommandIsValid(@ForAll("validCommands") CreateOrder command) {
    assertThat(OrderDecisions.violations(command)).isEmpty();
  }

  @Property
  void totalIsTheSumOfQuantityTimesUnitPrice(@ForAll("validCommands") CreateOrder command) {
    int digits = Currency.getInstance(command.currency()).getDefaultFractionDigits();
    // Counted in minor units with long arithmetic, independently of LineItem.lineTotal.
    long expectedMinorUnits = 0;
    for (LineItem item : command.items()) {
      expectedMinorUnits +=
          item.unitPrice().movePointRight(digits).longValueExact() * item.quantity();
    }

    Order order = created(command);

    assertThat(order.total().movePointRight(digits).longValueExact()).isEqualTo(expectedMinorUnits);
  }

  @Property
  void totalIsNeverNegative(@ForAll("validCommands") CreateOrder command) {
    assertThat(created(command).total().signum()).isNotNegative();
  }

  @Property
  void totalHasNoMoreDecimalsThanTheCurrency(@ForAll("validCommands") CreateOrder command) {
    int digits = Currency.getInstance(command.currency()).getDefaultFractionDigits();

    assertThat(created(command).total().stripTrailingZeros().scale()).isLessThanOrEqualTo(digits);
  }

  @Property
  void foldingTheSameEventsTwiceGivesEqualOrders(@ForAll("validCommands") CreateOrder command) {
    List<RecordedEvent> events = recorded(command);

    assertThat(Order.fold(command.orderId(), events))
        .isEqualTo(Order.fold(command.orderId(), events));
  }

  @Property
  void createdOrderIsPendingAtVersionOne(@ForAll("validCommands") CreateOrder command) {
    Order order = created(command);

    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(order.version()).isEqualTo(1);
    assertThat(order.items()).isEqualTo(command.items());
  }

  @Provide
  Arbitrary<CreateOrder> validCommands() {
    Arbitrary<String> ids = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12);
    return Arbitraries.of("EUR", "USD", "GBP", "JPY", "KRW", "BHD", "KWD", "CLF")
        .flatMap(
            currency ->
                Combinators.combine(ids, ids, lineItems(currency).list().ofMinSize(1).ofMaxSize(25))
                    .as(
                        (orderId, customerId, items) ->
                            new CreateOrder(orderId, customerId, currency, items)));
  }

  private static Arbitrary<LineItem> lineItems(String currency) {
    int digits = Currency.getInstance(currency).getDefaultFractionDigits();
    Arbitrary<String> skus =
        Arbitraries.strings()
            .alpha()
            .numeric()
            .withChars('-')
            .ofMinLength(1)
            .ofMaxLength(20)
            .filter(s -> !s.isBlank());
    Arbitrary<Integer> quantities = Arbitraries.integers().between(1, 10_000);
    Arbitrary<BigDecimal> prices =
        Arbitraries.bigDecimals()
            .between(BigDecimal.ZERO, new BigDecimal("1000000"))
            .ofScale(digits);
    return Combinators.combine(skus, quantities, prices).as(LineItem::new);
  }

  private static List<RecordedEvent> recorded(CreateOrder command) {
    List<OrderEvent> events = OrderDecisions.create(Order.initial(command.orderId()), command);
    List<RecordedEvent> recorded = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      recorded.add(new RecordedEvent(i + 1, "e-" + (i + 1), OCCURRED_AT, events.get(i)));
    }
    return recorded;
  }

  private static Order created(CreateOrder command) {
    return Order.fold(command.orderId(), recorded(command));
  }
}
