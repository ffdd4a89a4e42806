package io.orderflow.order;

import static io.orderflow.order.OrderInvariantsTest.CREATED;
import static io.orderflow.order.OrderInvariantsTest.ID;
import static io.orderflow.order.OrderInvariantsTest.history;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.order.HistoryCorrections.Append;
import io.orderflow.order.HistoryCorrections.Operator;
import io.orderflow.order.HistoryCorrections.Remedy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What today's rules demand of a history a bug wrote: the event to append, or an operator. */
class HistoryCorrectionsTest {
  static final OrderEvent CONFIRMED = new OrderConfirmed();
  static final OrderEvent PAID = new OrderPaid("p-1", new BigDecimal("10.00"));

  static List<Remedy> remedies(OrderEvent... events) {
    return HistoryCorrections.remedies(ID, history(events), "op-7");
  }

  @Test
  @DisplayName("a sound history needs nothing")
  void soundHistory() {
    assertThat(
            remedies(CREATED, CONFIRMED, PAID, new OrderRefunded(new BigDecimal("10.00"), "all")))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "a refund above what was refundable is capped: the total refunded becomes what was paid")
  void overRefundIsCapped() {
    List<Remedy> remedies =
        remedies(CREATED, CONFIRMED, PAID, new OrderRefunded(new BigDecimal("25.00"), "oops"));

    assertThat(remedies)
        .singleElement()
        .isInstanceOfSatisfying(
            Append.class,
            append -> {
              assertThat(append.violation().rule()).isEqualTo("refund-within-paid");
              assertThat(append.event())
                  .isEqualTo(
                      new OrderCorrected(
                          4,
                          "refund-within-paid",
                          "refund of 25.00 EUR exceeded the 10.00 EUR refundable; capped",
                          "op-7",
                          null,
                          new BigDecimal("10.00")));
            });
  }

  @Test
  @DisplayName("appending the demanded correction leaves a history that needs nothing more")
  void appendedCorrectionSettlesIt() {
    List<OrderEvent> events =
        new ArrayList<>(
            List.of(CREATED, CONFIRMED, PAID, new OrderRefunded(new BigDecimal("25.00"), "oops")));
    events.add(((Append) remedies(events.toArray(OrderEvent[]::new)).get(0)).event());

    assertThat(remedies(events.toArray(OrderEvent[]::new))).isEmpty();
  }

  @Test
  @DisplayName("a payment other than the total is a money fact: an operator decides")
  void wrongPaymentNeedsAnOperator() {
    List<Remedy> remedies =
        remedies(CREATED, CONFIRMED, new OrderPaid("p-1", new BigDecimal("9.99")));

    assertThat(remedies)
        .singleElement()
        .isInstanceOfSatisfying(
            Operator.class,
            operator -> {
              assertThat(operator.violation().rule()).isEqualTo("paid-equals-total");
              assertThat(operator.why()).contains("refund the surplus or collect the difference");
            });
  }

  @Test
  @DisplayName("an illegal transition has no automatic correction")
  void illegalTransitionNeedsAnOperator() {
    assertThat(remedies(CREATED, CONFIRMED, new OrderShipped("dhl", "t-1")))
        .singleElement()
        .isInstanceOfSatisfying(
            Operator.class,
            operator -> {
              assertThat(operator.violation().rule()).isEqualTo("legal-transition");
              assertThat(operator.why()).contains("an operator decides");
            });
  }

  @Test
  @DisplayName("a refund that is not positive is not guessed at: an operator decides")
  void nonPositiveRefundNeedsAnOperator() {
    assertThat(remedies(CREATED, CONFIRMED, PAID, new OrderRefunded(BigDecimal.ZERO, "nothing")))
        .singleElement()
        .isInstanceOf(Operator.class);
  }
}
