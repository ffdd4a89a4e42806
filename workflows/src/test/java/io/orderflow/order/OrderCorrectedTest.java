package io.orderflow.order;

import static io.orderflow.order.OrderInvariantsTest.CREATED;
import static io.orderflow.order.OrderInvariantsTest.ID;
import static io.orderflow.order.OrderInvariantsTest.history;
import static io.orderflow.order.OrderInvariantsTest.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A corrective event restates money facts; it is no transition, and it answers a violation. */
class OrderCorrectedTest {
  static final BigDecimal TEN = new BigDecimal("10.00");

  static OrderCorrected capRefundAt(long version, BigDecimal refunded) {
    return new OrderCorrected(version, "refund-within-paid", "capped", "op-1", null, refunded);
  }

  static List<RecordedEvent> overRefunded(OrderEvent... after) {
    OrderEvent[] events = new OrderEvent[4 + after.length];
    events[0] = CREATED;
    events[1] = new OrderConfirmed();
    events[2] = new OrderPaid("p-1", TEN);
    events[3] = new OrderRefunded(new BigDecimal("25.00"), "too much");
    System.arraycopy(after, 0, events, 4, after.length);
    return history(events);
  }

  @Test
  @DisplayName("the fold takes the restated amounts and leaves the status where it was")
  void foldRestatesAmountsOnly() {
    Order order = Order.fold(ID, overRefunded(capRefundAt(4, TEN)));

    assertThat(order.amountRefunded()).isEqualByComparingTo(TEN);
    assertThat(order.amountPaid()).isEqualByComparingTo(TEN);
    assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(order.version()).isEqualTo(5);
  }

  @Test
  @DisplayName("an amount the correction leaves out stays as the history had it")
  void absentAmountsStay() {
    Order order =
        Order.fold(
            ID,
            overRefunded(
                new OrderCorrected(4, "refund-within-paid", "paid restated", "op", TEN, null)));

    assertThat(order.amountRefunded()).isEqualByComparingTo("25.00");
  }

  @ParameterizedTest
  @EnumSource(OrderStatus.class)
  @DisplayName("the state machine accepts a correction in every status, the final ones included")
  void acceptedInEveryStatus(OrderStatus status) {
    assertThat(OrderStateMachine.accepts(status, capRefundAt(1, TEN))).isTrue();
  }

  @Test
  @DisplayName("a correction of an order that does not exist is refused")
  void notBeforeCreation() {
    assertThat(OrderStateMachine.accepts(null, capRefundAt(1, TEN))).isFalse();
    assertThat(rules(OrderInvariants.check(ID, history(capRefundAt(1, TEN)))))
        .containsExactly("created-first");
  }

  @Test
  @DisplayName("a refund above what was paid breaks refund-within-paid until a correction names it")
  void correctionAnswersTheViolation() {
    assertThat(rules(OrderInvariants.check(ID, overRefunded())))
        .containsExactly("refund-within-paid");

    var corrected = OrderInvariants.check(ID, overRefunded(capRefundAt(4, TEN)));

    assertThat(corrected.sound()).isTrue();
    assertThat(corrected.state().amountRefunded()).isEqualByComparingTo(TEN);
  }

  @Test
  @DisplayName("a correction that names another version or rule leaves the violation open")
  void correctionMustNameVersionAndRule() {
    assertThat(rules(OrderInvariants.check(ID, overRefunded(capRefundAt(3, TEN)))))
        .containsExactly("refund-within-paid");
    var otherRule = new OrderCorrected(4, "paid-equals-total", "x", "op", null, TEN);
    assertThat(rules(OrderInvariants.check(ID, overRefunded(otherRule))))
        .containsExactly("refund-within-paid");
  }

  @Test
  @DisplayName(
      "a correction that refunds more than was paid is itself unsound; one that names no earlier"
          + " event answers nothing")
  void unsoundCorrections() {
    assertThat(rules(OrderInvariants.check(ID, overRefunded(capRefundAt(4, new BigDecimal("11"))))))
        .containsExactly("sound-correction");
    assertThat(rules(OrderInvariants.check(ID, overRefunded(capRefundAt(5, TEN)))))
        .containsExactly("refund-within-paid", "sound-correction");
  }

  @Test
  @DisplayName("a correction in the middle of a lifecycle breaks no transition around it")
  void noTransition() {
    var checked =
        OrderInvariants.check(
            ID,
            history(
                CREATED,
                new OrderConfirmed(),
                new OrderPaid("p-1", TEN),
                new OrderCorrected(3, "x", "restated", "op", TEN, null),
                new OrderShipped("dhl", "t-1")));

    assertThat(checked.sound()).isTrue();
    assertThat(checked.state().status()).isEqualTo(OrderStatus.SHIPPED);
  }
}
