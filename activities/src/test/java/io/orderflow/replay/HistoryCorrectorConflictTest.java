package io.orderflow.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.order.LineItem;
import io.orderflow.order.Order;
import io.orderflow.order.OrderConfirmed;
import io.orderflow.order.OrderCorrected;
import io.orderflow.order.OrderCreated;
import io.orderflow.order.OrderDelivered;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.OrderInvariants;
import io.orderflow.order.OrderPaid;
import io.orderflow.order.OrderRefunded;
import io.orderflow.recovery.replay.CorrectionOutcome;
import io.orderflow.recovery.replay.HistoryCorrection;
import io.orderflow.recovery.replay.ReplayBatch;
import io.orderflow.testing.LocalAws;
import io.orderflow.testing.StoreFixture;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The corrector racing another writer on the test dynalite. A shipped bug refunded 45.00 of an
 * order that was paid 30.00, and the corrector caps the refund with an {@code order-corrected}
 * event. Its client carries a hook that, just before a correction's conditional put leaves, has a
 * second writer, on a client of its own, append a real commit to the same order: the order's
 * workflow, still on the build with the bug, recording a late delivery. The put then collides on
 * the server. (A refunded order takes no legal event, so each delivery is itself reported for an
 * operator.)
 */
class HistoryCorrectorConflictTest {
  static final String OPERATION = "op-replay-conflict";
  static final String REFUND_CORRECTED =
      "refund of 45.00 EUR exceeded the 30.00 EUR refundable; capped";

  /** Tables, and the other writer's client: nothing holds its calls up. */
  static final StoreFixture fixture = new StoreFixture();

  final DynamoDbEventStore other = fixture.store();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final String orderId = "order-over-" + UUID.randomUUID();

  /** The events the other writer appended while the corrector worked, in order. */
  final List<String> competing = new CopyOnWriteArrayList<>();

  DynamoDbClient racing;

  @BeforeEach
  void overRefunded() {
    append(
        new OrderCreated(
            orderId, "c-1", "EUR", List.of(new LineItem("sku-1", 3, new BigDecimal("10.00")))));
    append(new OrderConfirmed());
    append(new OrderPaid("pay-1", new BigDecimal("30.00")));
    append(new OrderRefunded(new BigDecimal("45.00"), "the bug let it through"));
  }

  @AfterEach
  void closeRacingClient() {
    if (racing != null) {
      racing.close();
    }
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  @DisplayName(
      "when the order takes one event between the corrector's read and its put, the corrector"
          + " reads again and appends the correction once, after that event, on an intact chain")
  void oneCompetingAppendIsReadAndFollowed() {
    DynamoDbEventStore store = racedBeforeEachOfTheFirstPuts(1);

    List<HistoryCorrection> reported = correct(store);

    assertThat(reported)
        .containsExactly(
            new HistoryCorrection(
                orderId,
                4,
                OrderInvariants.REFUND_WITHIN_PAID,
                "refund of 45.00 with 30.00 refundable",
                CorrectionOutcome.APPENDED,
                REFUND_CORRECTED,
                null,
                "30.00",
                6,
                null),
            deliveryForAnOperator(5));
    List<StoredCommit> commits = other.readCommits(orderId);
    assertThat(commits)
        .extracting(HistoryCorrectorConflictTest::typeOf)
        .containsExactly(
            OrderCreated.TYPE,
            OrderConfirmed.TYPE,
            OrderPaid.TYPE,
            OrderRefunded.TYPE,
            OrderDelivered.TYPE,
            OrderCorrected.TYPE);
    assertThat(commits.get(4).events().get(0).eventId()).isEqualTo(competing.get(0));
    StoredCommit correction = commits.get(5);
    assertThat(correction.prevHash()).isEqualTo(commits.get(4).hash());
    assertThat(correction.metadata().causationId()).isEqualTo(OPERATION);
    assertThat(other.verify(orderId)).isEmpty();
    Order folded = Order.fold(orderId, ReplayStream.read(other, orderId).events());
    assertThat(folded.amountPaid()).isEqualByComparingTo("30.00");
    assertThat(folded.amountRefunded()).isEqualByComparingTo("30.00");
    // the server refused the first put: the race was real, not caught by the head check
    assertThat(conflictsSeenByTheCorrector()).isEqualTo(1);
    assertThat(corrections("appended")).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "when the order takes an event before every put, the corrector gives up after "
          + HistoryCorrector.MAX_CONFLICTS
          + " reads, reports the correction skipped because the order kept changing, and"
          + " appends nothing")
  void anOrderThatKeepsChangingIsSkipped() {
    // More than the corrector may try: one that never gave up would land its correction here and
    // fail the test instead of hanging it.
    DynamoDbEventStore store = racedBeforeEachOfTheFirstPuts(100);
    int attempts = HistoryCorrector.MAX_CONFLICTS + 1;

    List<HistoryCorrection> reported = correct(store);

    assertThat(reported)
        .filteredOn(c -> c.rule().equals(OrderInvariants.REFUND_WITHIN_PAID))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.outcome()).isEqualTo(CorrectionOutcome.SKIPPED);
              assertThat(c.reason())
                  .isEqualTo("the order kept changing: " + attempts + " concurrency conflicts");
              assertThat(c.appendedVersion()).isZero();
            });
    assertThat(reported)
        .extracting(HistoryCorrection::outcome)
        .doesNotContain(CorrectionOutcome.APPENDED);
    assertThat(competing).hasSize(attempts);
    List<String> types =
        new ArrayList<>(
            List.of(OrderCreated.TYPE, OrderConfirmed.TYPE, OrderPaid.TYPE, OrderRefunded.TYPE));
    types.addAll(Collections.nCopies(attempts, OrderDelivered.TYPE));
    List<StoredCommit> commits = other.readCommits(orderId);
    assertThat(commits).extracting(HistoryCorrectorConflictTest::typeOf).isEqualTo(types);
    assertThat(commits.subList(4, commits.size()))
        .extracting(c -> c.events().get(0).eventId())
        .containsExactlyElementsOf(competing);
    assertThat(other.verify(orderId)).isEmpty();
    assertThat(conflictsSeenByTheCorrector()).isEqualTo(attempts);
    assertThat(corrections("skipped")).isEqualTo(1);
    assertThat(corrections("appended")).isZero();
  }

  /**
   * The store the corrector writes through, on a client whose first {@code puts} puts each wait for
   * the other writer to append a delivery to the order.
   */
  DynamoDbEventStore racedBeforeEachOfTheFirstPuts(int puts) {
    ExecutionInterceptor otherWriterFirst =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes a) {
            if (context.request() instanceof PutItemRequest && competing.size() < puts) {
              competing.add(append(new OrderDelivered()));
            }
          }
        };
    racing =
        DynamoDbClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(LocalAws.endpoints().dynamoDb().orElseThrow())
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .overrideConfiguration(c -> c.addExecutionInterceptor(otherWriterFirst))
            .build();
    return new DynamoDbEventStore(
        racing, fixture.tables, new EventCodec(), Clock.systemUTC(), meters);
  }

  List<HistoryCorrection> correct(DynamoDbEventStore store) {
    return new HistoryCorrector(store, meters, Clock.systemUTC())
        .correct(
            ReplayStream.read(store, orderId),
            new ReplayBatch(List.of(orderId), false, OPERATION, "ops", true),
            "replay-conflict");
  }

  /** Appends one event at the head of the order's stream through the other writer. */
  String append(OrderEvent event) {
    Optional<StoredCommit> head = other.head(orderId);
    String eventId = UUID.randomUUID().toString();
    other.append(
        new NewCommit(
            orderId,
            head.map(StoredCommit::lastVersion).orElse(0L),
            UUID.randomUUID().toString(),
            head.map(StoredCommit::hash).orElse(NewCommit.GENESIS_HASH),
            List.of(new NewEvent(eventId, Instant.now(), event)),
            new CommitMetadata("corr", "cause", "order-workflow", "order-" + orderId)));
    return eventId;
  }

  HistoryCorrection deliveryForAnOperator(long version) {
    return new HistoryCorrection(
        orderId,
        version,
        "legal-transition",
        "OrderDelivered on an order that is REFUNDED",
        CorrectionOutcome.NEEDS_OPERATOR,
        "no automatic correction for legal-transition; an operator decides",
        null,
        null,
        0,
        null);
  }

  double conflictsSeenByTheCorrector() {
    return meters.get("orderflow.events.concurrency.conflicts").counter().count();
  }

  double corrections(String outcome) {
    return meters.get("orderflow.replay.corrections").tag("outcome", outcome).counter().count();
  }

  static String typeOf(StoredCommit commit) {
    return commit.events().get(0).type();
  }
}
