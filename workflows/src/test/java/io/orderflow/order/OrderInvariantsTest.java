package io.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OrderInvariantsTest {
  static final String ID = "order-1";
  static final OrderCreated CREATED =
      new OrderCreated(ID, "c-1", "EUR", List.of(new LineItem("sku", 2, new BigDecimal("5.00"))));

  static List<RecordedEvent> history(OrderEvent... events) {
    List<RecordedEvent> recorded = new ArrayList<>();
    for (int i = 0; i < events.length; i++) {
      recorded.add(
          new RecordedEvent(
              i + 1, "e-" + (i + 1), Instant.parse("2026-11-26T00:00:00Z"), events[i]));
    }
    return recorded;
  }

  static List<String> rules(OrderInvariants.Checked checked) {
    return checked.violations().stream().map(OrderInvariants.Violation::rule).toList();
  }

  @Test
  @DisplayName("a complete lifecycle is sound and folds to its final state")
  void completeLifecycle() {
    var checked =
        OrderInvariants.check(
            ID,
            history(
                CREATED,
                new OrderConfirmed(),
                new OrderPaid("p-1", new BigDecimal("10.00")),
                new OrderShipped("dhl", "t-1"),
                new OrderDelivered(),
                new OrderRefunded(new BigDecimal("4.00"), "broken")));
    assertThat(checked.sound()).isTrue();
    assertThat(checked.state().status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(checked.state().version()).isEqualTo(6);
  }

  @Test
  @DisplayName("a shipment before payment breaks the transition rule at that event")
  void illegalTransition() {
    var checked =
        OrderInvariants.check(
            ID, history(CREATED, new OrderConfirmed(), new OrderShipped("d", "t")));
    assertThat(checked.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.rule()).isEqualTo("legal-transition");
              assertThat(v.version()).isEqualTo(3);
              assertThat(v.detail()).contains("CONFIRMED");
            });
  }

  @Test
  @DisplayName("a payment that differs from the total, and a refund above what was paid, are named")
  void amounts() {
    var checked =
        OrderInvariants.check(
            ID,
            history(
                CREATED,
                new OrderConfirmed(),
                new OrderPaid("p", new BigDecimal("9.99")),
                new OrderRefunded(new BigDecimal("20.00"), "x")));
    assertThat(rules(checked)).containsExactly("paid-equals-total", "refund-within-paid");
  }

  @Test
  @DisplayName("a history that does not start with order-created, or creates twice, is not sound")
  void createdFirstAndOnce() {
    assertThat(rules(OrderInvariants.check(ID, history(new OrderConfirmed()))))
        .contains("created-first");
    assertThat(rules(OrderInvariants.check(ID, history(CREATED, CREATED))))
        .containsExactly("created-once");
  }

  @Test
  @DisplayName("a created event naming another order, or without items, is not sound")
  void createdContent() {
    var foreign = new OrderCreated("other", "c", "EUR", CREATED.items());
    assertThat(rules(OrderInvariants.check(ID, history(foreign)))).containsExactly("own-stream");
    var empty = new OrderCreated(ID, "c", "EUR", List.of());
    assertThat(rules(OrderInvariants.check(ID, history(empty)))).containsExactly("has-items");
  }

  @Test
  @DisplayName("a gap in versions stops the check there, with the state folded so far")
  void gap() {
    List<RecordedEvent> events = new ArrayList<>(history(CREATED, new OrderConfirmed()));
    events.add(new RecordedEvent(4, "e-4", Instant.EPOCH, new OrderCancelled("x")));
    var checked = OrderInvariants.check(ID, events);
    assertThat(rules(checked)).containsExactly("contiguous-versions");
    assertThat(checked.state().version()).isEqualTo(2);
  }
}
