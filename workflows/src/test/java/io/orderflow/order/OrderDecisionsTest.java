package io.orderflow.order;

import static io.orderflow.order.OrderFixtures.createdOrder;
import static io.orderflow.order.OrderFixtures.validCreate;
import static io.orderflow.order.OrderFixtures.withCurrency;
import static io.orderflow.order.OrderFixtures.withCustomer;
import static io.orderflow.order.OrderFixtures.withItem;
import static io.orderflow.order.OrderFixtures.withItems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderDecisionsTest {

  private static final LineItem VALID_ITEM = new LineItem("SKU-1", 1, new BigDecimal("9.99"));

  @Test
  void givenNoOrder_whenCreate_thenExactlyOneOrderCreatedWithTheCommandsFields() {
    CreateOrder command = validCreate();

    List<OrderEvent> events = OrderDecisions.create(Order.initial(command.orderId()), command);

    assertThat(events)
        .containsExactly(
            new OrderCreated(
                command.orderId(), command.customerId(), command.currency(), command.items()));
  }

  @Test
  void givenExistingOrder_whenCreate_thenRejectedAsOrderAlreadyExists() {
    OrderRejected rejected =
        catchThrowableOfType(
            OrderRejected.class, () -> OrderDecisions.create(createdOrder(), validCreate()));

    assertThat(rejected.reason()).isEqualTo(OrderRejected.ORDER_EXISTS);
    assertThat(rejected.violations()).isEmpty();
  }

  @Test
  void givenInvalidCommand_whenCreate_thenRejectedAsInvalidOrderWithItsViolations() {
    OrderRejected rejected = rejectionOf(withCustomer(" "));

    assertThat(rejected.reason()).isEqualTo(OrderRejected.INVALID_ORDER);
    assertThat(rejected.violations())
        .containsExactly(new FieldViolation("customerId", "must not be blank"));
  }

  @Nested
  class CustomerAndCurrency {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void givenBlankCustomerId_whenCreate_thenCustomerIdIsNamed(String customerId) {
      assertThat(fieldsViolatedBy(withCustomer(customerId))).containsExactly("customerId");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void givenBlankCurrency_whenCreate_thenCurrencyMustNotBeBlank(String currency) {
      assertThat(violationsOf(withCurrency(currency)))
          .containsExactly(new FieldViolation("currency", "must not be blank"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "EURO", "eur"})
    void givenUnknownCurrency_whenCreate_thenCurrencyIsNotIso4217(String currency) {
      assertThat(violationsOf(withCurrency(currency)))
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.field()).isEqualTo("currency");
                assertThat(v.message()).contains("ISO 4217").contains(currency);
              });
    }

    // Currency.getDefaultFractionDigits() is -1 for these: an amount in them has no meaning.
    @ParameterizedTest
    @ValueSource(strings = {"XXX", "XAU", "XTS"})
    void givenCurrencyWithoutMinorUnit_whenCreate_thenCurrencyCannotPriceOrders(String currency) {
      assertThat(violationsOf(withCurrency(currency)))
          .containsExactly(
              new FieldViolation("currency", "is not a currency orders can be priced in"));
    }

    @Test
    void givenUnknownCurrency_whenCreate_thenPricesAreNotJudgedAgainstIt() {
      CreateOrder command =
          new CreateOrder(
              "o-1", "c-1", "XYZ", List.of(new LineItem("A", 1, new BigDecimal("1.005"))));

      assertThat(fieldsViolatedBy(command)).containsExactly("currency");
    }
  }

  @Nested
  class Items {

    @Test
    void givenNullItems_whenCreate_thenItemsMustHoldOne() {
      assertThat(violationsOf(withItems(null)))
          .containsExactly(new FieldViolation("items", "must hold at least one item"));
    }

    @Test
    void givenNoItems_whenCreate_thenItemsMustHoldOne() {
      assertThat(violationsOf(withItems(List.of())))
          .containsExactly(new FieldViolation("items", "must hold at least one item"));
    }

    @Test
    void givenMoreThanMaxLineItems_whenCreate_thenItemsAreTooMany() {
      List<LineItem> items = Collections.nCopies(OrderDecisions.MAX_LINE_ITEMS + 1, VALID_ITEM);

      assertThat(violationsOf(withItems(items)))
          .containsExactly(
              new FieldViolation(
                  "items", "must hold at most " + OrderDecisions.MAX_LINE_ITEMS + " items"));
    }

    @Test
    void givenExactlyMaxLineItems_whenCreate_thenAccepted() {
      List<LineItem> items = Collections.nCopies(OrderDecisions.MAX_LINE_ITEMS, VALID_ITEM);

      assertThat(violationsOf(withItems(items))).isEmpty();
    }

    @Test
    void givenNullItem_whenCreate_thenThatItemIsNamed() {
      List<LineItem> items = new ArrayList<>();
      items.add(VALID_ITEM);
      items.add(null);

      assertThat(violationsOf(withItems(items)))
          .containsExactly(new FieldViolation("items[1]", "must not be null"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void givenBlankSku_whenCreate_thenSkuIsNamed(String sku) {
      assertThat(violationsOf(withItem(new LineItem(sku, 1, BigDecimal.ONE))))
          .containsExactly(new FieldViolation("items[0].sku", "must not be blank"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void givenQuantityNotPositive_whenCreate_thenQuantityIsNamed(int quantity) {
      assertThat(violationsOf(withItem(new LineItem("A", quantity, BigDecimal.ONE))))
          .containsExactly(new FieldViolation("items[0].quantity", "must be positive"));
    }

    @Test
    void givenBadSecondItem_whenCreate_thenTheViolationPointsAtIndexOne() {
      List<LineItem> items = List.of(VALID_ITEM, new LineItem("B", 0, BigDecimal.ONE));

      assertThat(fieldsViolatedBy(withItems(items))).containsExactly("items[1].quantity");
    }
  }

  @Nested
  class UnitPrice {

    @Test
    void givenNullUnitPrice_whenCreate_thenUnitPriceIsRequired() {
      assertThat(violationsOf(withItem(new LineItem("A", 1, null))))
          .containsExactly(new FieldViolation("items[0].unitPrice", "must not be null"));
    }

    @Test
    void givenNegativeUnitPrice_whenCreate_thenUnitPriceMustNotBeNegative() {
      assertThat(violationsOf(withItem(new LineItem("A", 1, new BigDecimal("-0.01")))))
          .containsExactly(new FieldViolation("items[0].unitPrice", "must not be negative"));
    }

    @Test
    void givenFreeItem_whenCreate_thenAccepted() {
      assertThat(violationsOf(withItem(new LineItem("GIFT", 1, BigDecimal.ZERO)))).isEmpty();
    }

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource({"1.005, EUR, 2", "1.5, JPY, 0", "0.0001, BHD, 3"})
    void givenMoreDecimalsThanTheCurrencyHas_whenCreate_thenUnitPriceIsNamed(
        String price, String currency, int allowed) {
      CreateOrder command =
          new CreateOrder(
              "o-1", "c-1", currency, List.of(new LineItem("A", 1, new BigDecimal(price))));

      assertThat(violationsOf(command))
          .containsExactly(
              new FieldViolation(
                  "items[0].unitPrice",
                  "has more decimal places than " + currency + " allows (" + allowed + ")"));
    }

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource({"1.50000, EUR", "100, JPY", "1E+3, JPY", "1.005, BHD"})
    void givenPriceThatFitsTheCurrency_whenCreate_thenAccepted(String price, String currency) {
      CreateOrder command =
          new CreateOrder(
              "o-1", "c-1", currency, List.of(new LineItem("A", 1, new BigDecimal(price))));

      assertThat(violationsOf(command)).isEmpty();
    }
  }

  @Test
  void givenSeveralBrokenRules_whenCreate_thenAllAreReportedTogetherInFieldOrder() {
    CreateOrder command =
        new CreateOrder(
            "o-1",
            "",
            "XYZ",
            List.of(
                new LineItem(" ", 1, BigDecimal.ONE), new LineItem("B", 0, new BigDecimal("-1"))));

    assertThat(fieldsViolatedBy(command))
        .containsExactly(
            "customerId", "currency", "items[0].sku", "items[1].quantity", "items[1].unitPrice");
  }

  private static OrderRejected rejectionOf(CreateOrder command) {
    OrderRejected rejected =
        catchThrowableOfType(
            OrderRejected.class,
            () -> OrderDecisions.create(Order.initial(command.orderId()), command));
    assertThat(rejected).as("create must refuse %s", command).isNotNull();
    return rejected;
  }

  /** What create says about the command; empty when create accepts it. */
  private static List<FieldViolation> violationsOf(CreateOrder command) {
    List<FieldViolation> violations = OrderDecisions.violations(command);
    if (violations.isEmpty()) {
      assertThat(OrderDecisions.create(Order.initial(command.orderId()), command)).hasSize(1);
      return violations;
    }
    OrderRejected rejected = rejectionOf(command);
    assertThat(rejected.reason()).isEqualTo(OrderRejected.INVALID_ORDER);
    return rejected.violations();
  }

  private static List<String> fieldsViolatedBy(CreateOrder command) {
    return violationsOf(command).stream().map(FieldViolation::field).toList();
  }
}
