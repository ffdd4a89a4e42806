package io.orderflow.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Decide: given the current state and a command, the events the command causes, or an {@link
 * OrderRejected} that says why it causes none.
 */
public final class OrderDecisions {
  /** An order larger than this is almost certainly a client bug, and would crowd one item. */
  public static final int MAX_LINE_ITEMS = 200;

  private OrderDecisions() {}

  public static List<OrderEvent> create(Order state, CreateOrder command) {
    if (state.exists()) {
      throw new OrderRejected(
          OrderRejected.ORDER_EXISTS, "order " + state.orderId() + " already exists", List.of());
    }
    List<FieldViolation> violations = violations(command);
    if (!violations.isEmpty()) {
      throw new OrderRejected(OrderRejected.INVALID_ORDER, "the order is invalid", violations);
    }
    return List.of(
        new OrderCreated(
            command.orderId(), command.customerId(), command.currency(), command.items()));
  }

  /**
   * What a command on an existing order causes.
   *
   * @throws OrderRejected {@code IllegalTransition} when the status does not allow it, {@code
   *     InvalidCommand} when its input breaks a rule
   */
  public static List<OrderEvent> decide(Order state, OrderCommand command) {
    if (!state.exists()) {
      throw new OrderRejected(
          OrderRejected.ORDER_NOT_FOUND, "order " + state.orderId() + " does not exist", List.of());
    }
    if (!OrderStateMachine.allows(state.status(), command.target())) {
      throw new OrderRejected(
          OrderRejected.ILLEGAL_TRANSITION,
          "cannot " + command.name() + " an order that is " + state.status(),
          List.of());
    }
    List<FieldViolation> violations = CommandRules.violations(state, command);
    if (!violations.isEmpty()) {
      throw new OrderRejected(
          OrderRejected.INVALID_COMMAND, "cannot " + command.name() + " the order", violations);
    }
    return List.of(CommandRules.event(command));
  }

  /** Every rule a new order breaks, each tied to its field; empty when the order is valid. */
  public static List<FieldViolation> violations(CreateOrder command) {
    List<FieldViolation> violations = new ArrayList<>();
    if (isBlank(command.customerId())) {
      violations.add(new FieldViolation("customerId", "must not be blank"));
    }
    Currency currency = currency(command.currency(), violations);
    List<LineItem> items = command.items();
    if (items == null || items.isEmpty()) {
      violations.add(new FieldViolation("items", "must hold at least one item"));
      return violations;
    }
    if (items.size() > MAX_LINE_ITEMS) {
      violations.add(new FieldViolation("items", "must hold at most " + MAX_LINE_ITEMS + " items"));
    }
    for (int i = 0; i < items.size(); i++) {
      validateItem("items[" + i + "]", items.get(i), currency, violations);
    }
    return violations;
  }

  private static Currency currency(String code, List<FieldViolation> violations) {
    if (isBlank(code)) {
      violations.add(new FieldViolation("currency", "must not be blank"));
      return null;
    }
    try {
      Currency currency = Currency.getInstance(code);
      if (currency.getDefaultFractionDigits() < 0) {
        violations.add(new FieldViolation("currency", "is not a currency orders can be priced in"));
        return null;
      }
      return currency;
    } catch (IllegalArgumentException e) {
      violations.add(new FieldViolation("currency", "is not an ISO 4217 currency code: " + code));
      return null;
    }
  }

  private static void validateItem(
      String path, LineItem item, Currency currency, List<FieldViolation> violations) {
    if (item == null) {
      violations.add(new FieldViolation(path, "must not be null"));
      return;
    }
    if (isBlank(item.sku())) {
      violations.add(new FieldViolation(path + ".sku", "must not be blank"));
    }
    if (item.quantity() <= 0) {
      violations.add(new FieldViolation(path + ".quantity", "must be positive"));
    }
    BigDecimal price = item.unitPrice();
    if (price == null) {
      violations.add(new FieldViolation(path + ".unitPrice", "must not be null"));
    } else if (price.signum() < 0) {
      violations.add(new FieldViolation(path + ".unitPrice", "must not be negative"));
    } else if (currency != null
        && price.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
      violations.add(
          new FieldViolation(
              path + ".unitPrice",
              "has more decimal places than "
                  + currency.getCurrencyCode()
                  + " allows ("
                  + currency.getDefaultFractionDigits()
                  + ")"));
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
