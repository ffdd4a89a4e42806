package io.orderflow.eventstore.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.eventstore.LoadedOrder;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.order.LineItem;
import io.orderflow.order.OrderCancelled;
import io.orderflow.order.OrderConfirmed;
import io.orderflow.order.OrderCreated;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.OrderPaid;
import io.orderflow.order.OrderStatus;
import io.orderflow.testing.LocalAws;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The append activity after a full restore switched the active tables (against dynalite): a commit
 * decided on the stream as it was before the switch lands only if the restored stream ends where
 * the commit expects; otherwise it is refused as {@code StreamRestored} and nothing is written. In
 * steady state, and for a commit whose caller already confirmed the current revision, the append is
 * the single conditional put it always was.
 */
class AppendAfterRestoreTest {
  private static final BigDecimal TOTAL = new BigDecimal("25.00");

  private final DynamoDbRequests requests = new DynamoDbRequests();
  private final DynamoDbClient dynamo = countingClient(requests);
  private final TableNames tables = LocalAws.freshTables();
  private final ActiveTablesStore active;
  private final DynamoDbEventStore store;
  private final DynamoDbEventStoreActivities activities;
  private final String orderId = "o-" + UUID.randomUUID();
  private int restores;

  AppendAfterRestoreTest() {
    new TableBootstrap(dynamo).createMissing(tables);
    active = new ActiveTablesStore(dynamo, tables, Duration.ZERO);
    store = newStore(active);
    activities = new DynamoDbEventStoreActivities(store, targets(active));
  }

  @AfterEach
  void close() {
    dynamo.close();
  }

  @Test
  void givenTablesNeverSwitched_whenAppend_thenOnePutAndRevisionZero() {
    NewCommit created = created();

    requests.clear();
    AppendResult result = activities.appendCommit(created);

    assertThat(result.tablesRevision()).isZero();
    assertThat(requests.on(tables.events())).containsExactly("PutItem");
  }

  @Test
  void givenRestoreOlderThanTheCommitsView_whenAppend_thenStreamRestoredAtTheRestoredHead() {
    List<AppendResult> appended = appendAll(created(), confirmed(), payment());
    restore(keepVersionsUpTo(2));

    ApplicationFailure refused =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> activities.appendCommit(next(appended.get(2), 0L, new OrderCancelled("late"))));

    assertThat(refused.getType()).isEqualTo(EventStoreActivities.STREAM_RESTORED);
    assertThat(refused.isNonRetryable()).isTrue();
    assertThat(refused.getDetails().get(0, Long.class)).as("expected").isEqualTo(3L);
    assertThat(refused.getDetails().get(1, Long.class)).as("restored head").isEqualTo(2L);
  }

  @Test
  void givenRestoreOlderThanTheCommitsView_whenAppendIsRefused_thenTheRestoredStreamHasNoGap() {
    List<AppendResult> appended = appendAll(created(), confirmed(), payment());
    restore(keepVersionsUpTo(2));

    catchThrowableOfType(
        ApplicationFailure.class,
        () -> activities.appendCommit(next(appended.get(2), 0L, new OrderCancelled("late"))));

    assertThat(store.readCommits(orderId))
        .extracting(StoredCommit::version)
        .containsExactly(1L, 2L);
    assertThat(store.verify(orderId)).isEmpty();
  }

  @Test
  void givenRestoredStreamThatWentOnDifferently_whenAppend_thenStreamRestoredAndNoFork() {
    List<AppendResult> appended = appendAll(created(), confirmed(), payment());
    restore(keepVersionsUpTo(2));
    String restoredHead = store.head(orderId).orElseThrow().hash();
    store.append(commit(2, restoredHead, new OrderCancelled("restored branch"), null));

    ApplicationFailure refused =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> activities.appendCommit(next(appended.get(2), 0L, new OrderCancelled("late"))));

    assertThat(refused.getType()).isEqualTo(EventStoreActivities.STREAM_RESTORED);
    assertThat(refused.getOriginalMessage()).contains("with another hash");
    assertThat(store.readCommits(orderId)).hasSize(3);
  }

  @Test
  void givenRestoredStreamEqualToTheCommitsView_whenAppend_thenOneHeadReadThenThePut() {
    List<AppendResult> appended = appendAll(created(), confirmed());
    long revision = restore(everything());

    requests.clear();
    AppendResult result = activities.appendCommit(next(appended.get(1), 0L, payment()));

    assertThat(result.tablesRevision()).isEqualTo(revision);
    assertThat(requests.on(active.current().events())).containsExactly("Query", "PutItem");
  }

  @Test
  void givenRestoredStreamEqualToTheCommitsView_whenAppend_thenItLandsInTheRestoredTable() {
    List<AppendResult> appended = appendAll(created(), confirmed());
    restore(everything());

    activities.appendCommit(next(appended.get(1), 0L, payment()));

    assertThat(store.readCommits(orderId)).extracting(StoredCommit::version).contains(3L);
    assertThat(store.verify(orderId)).isEmpty();
    assertThat(configuredStore().readCommits(orderId))
        .as("the table the restore replaced is left alone")
        .hasSize(2);
  }

  @Test
  void givenACommitConfirmedAtTheCurrentRevision_whenAppend_thenJustThePut() {
    List<AppendResult> appended = appendAll(created(), confirmed());
    long revision = restore(everything());
    AppendResult paid = activities.appendCommit(next(appended.get(1), 0L, payment()));

    requests.clear();
    AppendResult cancelled =
        activities.appendCommit(next(paid, paid.tablesRevision(), new OrderCancelled("x")));

    assertThat(cancelled.tablesRevision()).isEqualTo(revision);
    assertThat(requests.on(active.current().events())).containsExactly("PutItem");
  }

  @Test
  void givenARetryOfAnAppendThatLandedAfterTheSwitch_whenAppendedAgain_thenTheSameResult() {
    List<AppendResult> appended = appendAll(created(), confirmed());
    restore(everything());
    NewCommit pay = next(appended.get(1), 0L, payment());
    AppendResult first = activities.appendCommit(pay);

    AppendResult retried = activities.appendCommit(pay);

    assertThat(retried).isEqualTo(first);
    assertThat(store.readCommits(orderId)).hasSize(3);
  }

  @Test
  void givenAFirstCommitAfterASwitch_whenAppend_thenNoHeadReadIsNeeded() {
    restore(everything());

    requests.clear();
    activities.appendCommit(created());

    assertThat(requests.on(active.current().events())).containsExactly("PutItem");
  }

  @Test
  void givenAnInstanceWhosePointerCacheLags_whenTheCommitCarriesTheNewerRevision_thenNewTables() {
    ActiveTablesStore lagging = new ActiveTablesStore(dynamo, tables, Duration.ofHours(1));
    DynamoDbEventStoreActivities laggingActivities =
        new DynamoDbEventStoreActivities(newStore(lagging), targets(lagging));
    List<AppendResult> appended = appendAll(created(), confirmed());
    lagging.current(); // caches revision 0
    long revision = restore(everything());

    AppendResult paid = laggingActivities.appendCommit(next(appended.get(1), revision, payment()));

    assertThat(paid.tablesRevision()).isEqualTo(revision);
    assertThat(store.readCommits(orderId)).hasSize(3);
    assertThat(configuredStore().readCommits(orderId)).hasSize(2);
  }

  @Test
  void givenRestoredStream_whenLoadOrder_thenItsFoldItsHeadHashAndTheRevision() {
    appendAll(created(), confirmed(), payment());
    long revision = restore(keepVersionsUpTo(2));

    LoadedOrder loaded = activities.loadOrder(orderId);

    assertThat(loaded.order().status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(loaded.order().version()).isEqualTo(2);
    assertThat(loaded.lastHash()).isEqualTo(store.head(orderId).orElseThrow().hash());
    assertThat(loaded.tablesRevision()).isEqualTo(revision);
  }

  @Test
  void givenARestoreThatPredatesTheOrder_whenLoadOrder_thenNoOrderAndTheGenesisHash() {
    appendAll(created());
    restore(item -> false);

    LoadedOrder loaded = activities.loadOrder(orderId);

    assertThat(loaded.order().exists()).isFalse();
    assertThat(loaded.lastHash()).isEqualTo(NewCommit.GENESIS_HASH);
  }

  // --- the order's commits, chained as its workflow chains them ---------------------------------

  private NewCommit created() {
    return commit(
        0,
        NewCommit.GENESIS_HASH,
        new OrderCreated(
            orderId, "c-1", "EUR", List.of(new LineItem("SKU-1", 2, new BigDecimal("12.50")))),
        null);
  }

  private static OrderEvent confirmed() {
    return new OrderConfirmed();
  }

  private static OrderPaid payment() {
    return new OrderPaid("pay-1", TOTAL);
  }

  /** Appends the creation and then each event, each chained to the one before. */
  private List<AppendResult> appendAll(NewCommit created, OrderEvent... more) {
    List<AppendResult> results = new ArrayList<>();
    results.add(activities.appendCommit(created));
    for (OrderEvent event : more) {
      AppendResult last = results.get(results.size() - 1);
      results.add(activities.appendCommit(next(last, last.tablesRevision(), event)));
    }
    return results;
  }

  private NewCommit next(AppendResult after, Long tablesRevision, OrderEvent event) {
    return commit(after.lastVersion(), after.hash(), event, tablesRevision);
  }

  private NewCommit commit(long expected, String prevHash, OrderEvent event, Long revision) {
    return new NewCommit(
        orderId,
        expected,
        UUID.randomUUID().toString(),
        prevHash,
        List.of(new NewEvent(UUID.randomUUID().toString(), Instant.now(), event)),
        new CommitMetadata("corr", "cause-" + expected, "test", "order-" + orderId),
        revision);
  }

  // --- a restore: copies of the tables, then the pointer switch ---------------------------------

  private static Predicate<Map<String, AttributeValue>> everything() {
    return item -> true;
  }

  private static Predicate<Map<String, AttributeValue>> keepVersionsUpTo(long version) {
    return item -> Long.parseLong(item.get("version").n()) <= version;
  }

  /** Copies what {@code keep} keeps of the active tables into new ones and switches to them. */
  private long restore(Predicate<Map<String, AttributeValue>> keep) {
    ActiveTablesStore.Pointer from = active.read();
    restores++;
    String events = tables.events() + "-restored-" + restores;
    String snapshots = tables.snapshots() + "-restored-" + restores;
    TableBootstrap bootstrap = new TableBootstrap(dynamo);
    bootstrap.create(TableBootstrap.eventsTable(events));
    bootstrap.create(TableBootstrap.snapshotsTable(snapshots));
    copy(from.events(), events, keep);
    copy(from.snapshots(), snapshots, keep);
    return active.switchTo(events, snapshots, from.revision(), "test", Instant.now()).revision();
  }

  private void copy(String source, String target, Predicate<Map<String, AttributeValue>> keep) {
    List<WriteRequest> puts =
        dynamo.scanPaginator(r -> r.tableName(source).consistentRead(true)).items().stream()
            .filter(keep)
            .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()))
            .map(WriteRequest.Builder::build)
            .toList();
    for (int from = 0; from < puts.size(); from += 25) {
      Map<String, List<WriteRequest>> pending =
          Map.of(target, puts.subList(from, Math.min(puts.size(), from + 25)));
      while (!pending.isEmpty()) {
        Map<String, List<WriteRequest>> batch = pending;
        pending = dynamo.batchWriteItem(r -> r.requestItems(batch)).unprocessedItems();
      }
    }
  }

  // --- wiring, as the workers wire it ------------------------------------------------------------

  private DynamoDbEventStore newStore(ActiveTables at) {
    return new DynamoDbEventStore(
        dynamo, at, new EventCodec(), Clock.systemUTC(), new SimpleMeterRegistry());
  }

  private DynamoDbEventStore configuredStore() {
    return newStore(tables);
  }

  private static DynamoDbEventStoreActivities.Targets targets(ActiveTablesStore pointer) {
    return fresh -> {
      if (fresh) {
        pointer.forget();
      }
      ActiveTablesStore.Pointer p = pointer.current();
      return new DynamoDbEventStoreActivities.Target(p.events(), p.revision());
    };
  }

  /** Every DynamoDB call the client makes, by operation and table. */
  static final class DynamoDbRequests implements ExecutionInterceptor {
    private record Call(String operation, String table) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      calls.add(
          new Call(
              attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
              context.request().getValueForField("TableName", String.class).orElse("")));
    }

    void clear() {
      calls.clear();
    }

    /** The operations on one table, in order. */
    List<String> on(String table) {
      return calls.stream().filter(c -> c.table().equals(table)).map(Call::operation).toList();
    }
  }

  private static DynamoDbClient countingClient(ExecutionInterceptor interceptor) {
    return DynamoDbClient.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(
            URI.create(System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000")))
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor))
        .build();
  }
}
