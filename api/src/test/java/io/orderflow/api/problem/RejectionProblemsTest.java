package io.orderflow.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.order.OrderRejected;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Which problem, and which status, a caller gets for each reason a workflow refuses a command. */
class RejectionProblemsTest {
  final ProblemHandler handler = new ProblemHandler();

  @ParameterizedTest(name = "{0} -> {2} {1}")
  @DisplayName("every refusal reason answers with its own stable problem type")
  @CsvSource({
    OrderRejected.INVALID_ORDER + ", invalid-order, 400",
    EventStoreActivities.INVALID_COMMIT + ", invalid-order, 400",
    OrderRejected.INVALID_COMMAND + ", invalid-command, 400",
    OrderRejected.ILLEGAL_TRANSITION + ", illegal-transition, 409",
    OrderRejected.ORDER_NOT_FOUND + ", order-not-found, 404",
    EventStoreActivities.CONCURRENCY_CONFLICT + ", concurrent-change, 409",
    EventStoreActivities.STREAM_RESTORED + ", concurrent-change, 409",
    OrderRejected.ORDER_EXISTS + ", order-conflict, 409"
  })
  void mapped(String reason, String problem, int status) {
    ResponseEntity<ProblemDetail> response =
        handler.rejected(new OrderRejected(reason, "refused", List.of()));

    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(response.getBody().getType().toString()).endsWith("/" + problem);
    assertThat(response.getBody().getDetail()).isEqualTo("refused");
  }
}
