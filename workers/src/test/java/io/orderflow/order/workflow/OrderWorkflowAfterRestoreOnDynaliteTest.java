package io.orderflow.order.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.eventstore.LoadedOrder;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.ProjectionActivities;
import io.orderflow.eventstore.PublicationActivities;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.order.Order;
import io.orderflow.order.OrderCommand;
import io.orderflow.order.OrderRejected;
import io.orderflow.order.OrderStatus;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * An order workflow keeps its order in memory while a full restore switches the event store to
 * restored copies of the tables (here: copies made by scan and batch write, then the real pointer
 * switch). The workflow runs on the Temporal test environment with the real append activity on the
 * test dynalite (-Dorderflow.it.dynamodb), wired as the workers wire it.
 */
class OrderWorkflowAfterRestoreOnDynaliteTest extends OrderWorkflowOnDynalite {
  private static final BigDecimal TOTAL = new BigDecimal("25.00");

  private int requests;

  OrderWorkflowAfterRestoreOnDynaliteTest() {
    super("a");
  }

  @Test
  void givenPaidOrderRestoredToConfirmed_whenShip_thenRefusedAsIllegalTransition() {
    walkToPaid();
    restore(keepVersionsUpTo(2));

    WorkflowUpdateException e =
        catchThrowableOfType(
            WorkflowUpdateException.class, () -> execute(new OrderCommand.Ship("DHL", "T-1")));

    assertThat(applicationFailureIn(e).getType()).isEqualTo(OrderRejected.ILLEGAL_TRANSITION);
    assertThat(current().status())
        .as("the workflow took the restored order in")
        .isEqualTo(OrderStatus.CONFIRMED);
  }

  @Test
  void givenPaidOrderRestoredToConfirmed_whenShip_thenTheRestoredStreamStaysContiguousAndChained() {
    walkToPaid();
    restore(keepVersionsUpTo(2));

    catchThrowableOfType(
        WorkflowUpdateException.class, () -> execute(new OrderCommand.Ship("DHL", "T-1")));

    assertThat(store.readCommits(orderId))
        .extracting(StoredCommit::version)
        .containsExactly(1L, 2L);
    assertThat(store.verify(orderId)).isEmpty();
  }

  @Test
  void
      givenPaidOrderRestoredToConfirmed_whenPaidAgain_thenItLandsAtVersionThreeOfTheRestoredStream() {
    walkToPaid();
    restore(keepVersionsUpTo(2));
    catchThrowableOfType(
        WorkflowUpdateException.class, () -> execute(new OrderCommand.Ship("DHL", "T-1")));

    CommandOutcome paid = execute(new OrderCommand.Pay("pay-2", TOTAL));

    assertThat(paid.order().version()).isEqualTo(3);
    assertThat(store.readCommits(orderId))
        .extracting(StoredCommit::version)
        .containsExactly(1L, 2L, 3L);
    assertThat(store.verify(orderId)).isEmpty();
  }

  @Test
  void givenRestoredStreamEqualToTheWorkflowsMemory_whenShip_thenItLandsAndTheChainVerifies() {
    walkToPaid();
    restore(everything());

    CommandOutcome shipped = execute(new OrderCommand.Ship("DHL", "T-1"));

    assertThat(shipped.order().status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(store.readCommits(orderId)).hasSize(4);
    assertThat(store.verify(orderId)).isEmpty();
  }

  @Test
  void
      givenRestoredStreamEqualToTheWorkflowsMemory_whenTwoCommands_thenTheSecondCarriesTheRevision() {
    walkToPaid();
    long revision = restore(everything());
    execute(new OrderCommand.Ship("DHL", "T-1"));

    execute(new OrderCommand.Deliver());

    assertThat(appends.commits())
        .extracting(NewCommit::firstVersion, NewCommit::tablesRevision)
        .endsWith(tuple(4L, 0L), tuple(5L, revision));
  }

  @Test
  void givenTablesNeverSwitched_whenWalked_thenEveryCommitIsConfirmedAtRevisionZero() {
    walkToPaid();

    assertThat(appends.commits())
        .extracting(NewCommit::tablesRevision)
        .containsExactly(null, 0L, 0L);
    assertThat(store.verify(orderId)).isEmpty();
  }

  // --- the order, as the API drives it
  // ------------------------------------------------------------

  private void walkToPaid() {
    create();
    execute(new OrderCommand.Confirm());
    execute(new OrderCommand.Pay("pay-1", TOTAL));
  }

  private CommandOutcome execute(OrderCommand command) {
    requests++;
    return client
        .newWorkflowStub(OrderWorkflow.class, OrderWorkflow.workflowId(orderId))
        .execute(command, metadata("req-" + requests));
  }

  private Order current() {
    return client.newWorkflowStub(OrderWorkflow.class, OrderWorkflow.workflowId(orderId)).current();
  }

  // --- a restore: copies of the tables, then the pointer switch ---------------------------------

  private static Predicate<Map<String, AttributeValue>> everything() {
    return item -> true;
  }

  private static Predicate<Map<String, AttributeValue>> keepVersionsUpTo(long version) {
    return item -> Long.parseLong(item.get("version").n()) <= version;
  }

  private long restore(Predicate<Map<String, AttributeValue>> keep) {
    ActiveTablesStore.Pointer from = active.read();
    String events = tables.events() + "-restored";
    String snapshots = tables.snapshots() + "-restored";
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

  private static ApplicationFailure applicationFailureIn(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure failure) {
        return failure;
      }
    }
    throw new AssertionError("no ApplicationFailure in " + e, e);
  }

  // --- the other activities the workflow calls ---------------------------------------------------

  /** The real append and load, keeping every commit the workflow asked to append. */
  static final class RecordedAppends implements EventStoreActivities {
    private final EventStoreActivities real;
    private final List<NewCommit> commits = new CopyOnWriteArrayList<>();

    RecordedAppends(EventStoreActivities real) {
      this.real = real;
    }

    @Override
    public AppendResult appendCommit(NewCommit commit) {
      commits.add(commit);
      return real.appendCommit(commit);
    }

    @Override
    public LoadedOrder loadOrder(String orderId) {
      return real.loadOrder(orderId);
    }

    List<NewCommit> commits() {
      return List.copyOf(commits);
    }
  }

  /** A bus that is never down: the commit is marked published in the active table. */
  static final class MarkPublished implements PublicationActivities {
    private final DynamoDbEventStore store;

    MarkPublished(DynamoDbEventStore store) {
      this.store = store;
    }

    @Override
    public void publishCommit(String orderId, long firstVersion) {
      store.markPublished(orderId, firstVersion);
    }
  }

  /** The read model is not what these tests are about. */
  static final class NoProjection implements ProjectionActivities {
    @Override
    public void projectOrder(Order state) {}
  }
}
