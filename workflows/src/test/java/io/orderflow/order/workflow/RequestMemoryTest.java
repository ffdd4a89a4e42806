package io.orderflow.order.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.order.Order;
import io.orderflow.order.OrderStatus;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How an order's workflow tells a retried request from a new one. */
class RequestMemoryTest {
  final RequestMemory memory = new RequestMemory(List.of());

  @Test
  @DisplayName("a request answered before gets the same answer back and counts as a repeat")
  void answeredBefore() {
    CommandOutcome outcome = outcome(OrderStatus.PENDING);
    memory.remember(request("r-1"), outcome);

    assertThat(memory.answered(request("r-1"))).contains(outcome);
    assertThat(memory.isRepeat(request("r-1"))).isTrue();
    assertThat(memory.isRepeat(request("r-2"))).isFalse();
  }

  @Test
  @DisplayName("a retry that arrives while the first attempt is still being handled is a repeat")
  void stillInFlight() {
    memory.started(request("r-1"));

    assertThat(memory.isRepeat(request("r-1"))).isTrue();
    assertThat(memory.answered(request("r-1"))).isEmpty();

    memory.finished(request("r-1"));
    assertThat(memory.isRepeat(request("r-1"))).isFalse();
  }

  @Test
  @DisplayName("a request without an id is never taken for a repeat, and nothing is kept of it")
  void withoutId() {
    memory.started(request(null));
    memory.remember(request(null), outcome(OrderStatus.PENDING));

    assertThat(memory.isRepeat(request(null))).isFalse();
    assertThat(memory.isRepeat(null)).isFalse();
    assertThat(memory.answers()).isEmpty();
  }

  @Test
  @DisplayName("only the newest 100 answers are kept and handed to the next run")
  void keepsTheNewest() {
    for (int i = 0; i <= RequestMemory.REMEMBERED; i++) {
      memory.remember(request("r-" + i), outcome(OrderStatus.PENDING));
    }

    assertThat(memory.answers()).hasSize(RequestMemory.REMEMBERED);
    assertThat(memory.isRepeat(request("r-0"))).isFalse();
    assertThat(memory.isRepeat(request("r-1"))).isTrue();
    assertThat(new RequestMemory(memory.answers()).isRepeat(request("r-100"))).isTrue();
  }

  @Test
  @DisplayName(
      "after a restore took commits away, the requests answered with them are judged again;"
          + " earlier ones are still repeats")
  void forgetsWhatARestoreTookAway() {
    memory.remember(request("at-1"), new CommandOutcome(OrderStatus.PENDING, at(1)));
    memory.remember(request("at-3"), new CommandOutcome(OrderStatus.CONFIRMED, at(3)));

    memory.forgetAnswersAfter(2);

    assertThat(memory.isRepeat(request("at-1"))).isTrue();
    assertThat(memory.isRepeat(request("at-3"))).isFalse();
  }

  private static Order at(long version) {
    return new Order(
        "order-1", null, null, null, List.of(), null, null, null, null, null, null, null, version,
        null, null);
  }

  private static CommitMetadata request(String requestId) {
    return new CommitMetadata("corr", requestId, "tester", null);
  }

  private static CommandOutcome outcome(OrderStatus from) {
    return new CommandOutcome(from, Order.initial("order-1"));
  }
}
