package io.orderflow.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.api.ApiClient;
import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.ProjectionActivities;
import io.orderflow.eventstore.PublicationActivities;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.order.CreateOrder;
import io.orderflow.order.LineItem;
import io.orderflow.order.Order;
import io.orderflow.order.OrderCommand;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.workflow.CommandOutcome;
import io.orderflow.order.workflow.OrderSettings;
import io.orderflow.order.workflow.OrderWorkflow;
import io.orderflow.order.workflow.OrderWorkflowImpl;
import io.orderflow.order.workflow.OrderWorkflowInput;
import io.orderflow.workers.config.OrderflowProperties;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Fault: the worker dies in the middle of an order, after its append reached DynamoDB but before it
 * reported back to Temporal. The order's workflow runs on a task queue of its own, served by a
 * {@link WorkerFactory} this test starts and stops against the app's embedded Temporal server, with
 * the app's real DynamoDB activities (the append wrapped only to hold it at that moment).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class WorkerRestartFaultTest {
  private static final BigDecimal TOTAL = new BigDecimal("25.00");

  @Autowired Environment environment;
  @Autowired WorkflowClient client;
  @Autowired DynamoDbEventStore store;
  @Autowired EventStoreActivities appendActivities;
  @Autowired PublicationActivities publicationActivities;
  @Autowired ProjectionActivities projectionActivities;
  @Autowired OrderflowProperties properties;

  private final String taskQueue = "orders-restart-" + UUID.randomUUID();
  private final String orderId = UUID.randomUUID().toString();
  private WorkerFactory first;
  private WorkerFactory second;
  private RecordedAppend recorded;
  private HeldAppend held;

  @BeforeEach
  void startTheFirstWorker() {
    recorded = new RecordedAppend(appendActivities);
    // holds the confirm's append (the commit at version 2) once it has landed
    held = new HeldAppend(recorded, 2);
    first = startWorker(held);
  }

  @AfterEach
  void stopWorkers() {
    for (WorkerFactory factory : new WorkerFactory[] {first, second}) {
      if (factory != null) {
        factory.shutdownNow();
        factory.awaitTermination(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  @DisplayName(
      "a worker stopped after its append landed: a new worker finishes the command, and the"
          + " stream holds that commit once")
  void commandFinishedByTheNextWorker() throws Exception {
    create();
    WorkflowUpdateHandle<CommandOutcome> confirm = startCommand(new OrderCommand.Confirm(), "c");
    assertThat(held.landed.await(30, TimeUnit.SECONDS)).as("the append landed").isTrue();

    killFirstWorker();
    second = startWorker(recorded);
    CommandOutcome confirmed = confirm.getResultAsync().get(60, TimeUnit.SECONDS);

    assertThat(confirmed.from()).isEqualTo(OrderStatus.PENDING);
    assertThat(confirmed.order().status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(confirmed.order().version()).isEqualTo(2);
    assertThat(recorded.attemptsAt(2))
        .as("the commit at version 2 was tried again by the new worker, with the same commit id")
        .hasSizeGreaterThanOrEqualTo(2)
        .extracting(NewCommit::commitId)
        .containsOnly(landedCommitId(2));
    assertThat(store.readCommits(orderId))
        .extracting(StoredCommit::version)
        .containsExactly(1L, 2L);
  }

  @Test
  @DisplayName(
      "an order whose worker was restarted mid-command walks on to REFUNDED and its workflow ends:"
          + " versions 1..6, contiguous and chained, nothing appended twice")
  void orderFinishesAfterRestart() throws Exception {
    create();
    WorkflowUpdateHandle<CommandOutcome> confirm = startCommand(new OrderCommand.Confirm(), "c");
    assertThat(held.landed.await(30, TimeUnit.SECONDS)).isTrue();
    killFirstWorker();
    second = startWorker(recorded);
    confirm.getResultAsync().get(60, TimeUnit.SECONDS);

    execute(new OrderCommand.Pay("pay-1", TOTAL), "p");
    execute(new OrderCommand.Ship("DHL", "T-1"), "s");
    execute(new OrderCommand.Deliver(), "d");
    CommandOutcome refunded = execute(new OrderCommand.Refund(TOTAL, "damaged"), "r");

    assertThat(refunded.order().status()).isEqualTo(OrderStatus.REFUNDED);
    List<StoredEvent> events = store.readEvents(orderId);
    assertThat(events).extracting(StoredEvent::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(events)
        .extracting(StoredEvent::type)
        .containsExactly(
            "order-created",
            "order-confirmed",
            "order-paid",
            "order-shipped",
            "order-delivered",
            "order-refunded");
    assertThat(store.verify(orderId)).as("hash chain and contiguous versions").isEmpty();
    ApiClient api = ApiClient.ofRunningApp(environment);
    assertThat(api.get("/api/orders/" + orderId).body().get("status").asText())
        .isEqualTo("REFUNDED");
    WorkflowStub workflow = client.newUntypedWorkflowStub(OrderWorkflow.workflowId(orderId));
    workflow.getResult(30, TimeUnit.SECONDS, Void.class);
    assertThat(workflow.describe().getStatus())
        .as("a refunded order's workflow ends")
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
  }

  // --- workers ---------------------------------------------------------------------------------

  /**
   * A worker without a sticky queue. The embedded Temporal (the SDK's Java test server) keeps
   * sending an execution's workflow tasks to the sticky queue of the worker that last ran it, with
   * no schedule-to-start timeout and a no-op ShutdownWorker, so after a worker dies its cached
   * workflows would never move on; a real Temporal server falls back to the normal queue after 5 s.
   * Without stickiness every workflow task goes through the normal queue, as it does there.
   */
  private WorkerFactory startWorker(EventStoreActivities append) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    Worker worker =
        factory.newWorker(
            taskQueue,
            WorkerOptions.newBuilder().setStickyQueueScheduleToStartTimeout(Duration.ZERO).build());
    worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
    worker.registerActivitiesImplementations(append, publicationActivities, projectionActivities);
    factory.start();
    return factory;
  }

  private void killFirstWorker() {
    first.shutdownNow();
    first.awaitTermination(30, TimeUnit.SECONDS);
    assertThat(first.isTerminated()).as("first worker stopped").isTrue();
  }

  // --- the order, through the Temporal client as the API sends it -------------------------------

  private void create() {
    OrderWorkflow workflow =
        client.newWorkflowStub(
            OrderWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(OrderWorkflow.workflowId(orderId))
                .setTaskQueue(taskQueue)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
    OrderSettings settings = properties.orders().settings();
    Order created =
        WorkflowClient.executeUpdateWithStart(
            workflow::create,
            new CreateOrder(
                orderId,
                "c-restart",
                "EUR",
                List.of(new LineItem("A", 2, new BigDecimal("12.50")))),
            metadata("create"),
            UpdateOptions.<Order>newBuilder()
                .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                .build(),
            new WithStartWorkflowOperation<>(
                workflow::run, OrderWorkflowInput.newOrder(orderId, settings)));
    assertThat(created.version()).isEqualTo(1);
  }

  private WorkflowUpdateHandle<CommandOutcome> startCommand(OrderCommand command, String request) {
    return client
        .newUntypedWorkflowStub(OrderWorkflow.workflowId(orderId))
        .startUpdate(
            "execute",
            WorkflowUpdateStage.ACCEPTED,
            CommandOutcome.class,
            command,
            metadata(request));
  }

  private CommandOutcome execute(OrderCommand command, String request) throws Exception {
    return startCommand(command, request).getResultAsync().get(60, TimeUnit.SECONDS);
  }

  private CommitMetadata metadata(String request) {
    return new CommitMetadata(
        "restart-test", request + "-" + orderId, "test", OrderWorkflow.workflowId(orderId));
  }

  private String landedCommitId(long version) {
    return store.readCommit(orderId, version).orElseThrow().commitId();
  }

  /** The real append, keeping every commit it was asked to append. */
  static final class RecordedAppend implements EventStoreActivities {
    private final EventStoreActivities real;
    private final List<NewCommit> attempts = new CopyOnWriteArrayList<>();

    RecordedAppend(EventStoreActivities real) {
      this.real = real;
    }

    @Override
    public AppendResult appendCommit(NewCommit commit) {
      attempts.add(commit);
      return real.appendCommit(commit);
    }

    List<NewCommit> attemptsAt(long version) {
      return attempts.stream().filter(c -> c.firstVersion() == version).toList();
    }
  }

  /**
   * The append, except that the commit at one version, once it has landed, is held: the activity
   * does not return, as if its worker died before it could report.
   */
  static final class HeldAppend implements EventStoreActivities {
    private final EventStoreActivities append;
    private final long holdVersion;
    final CountDownLatch landed = new CountDownLatch(1);

    HeldAppend(EventStoreActivities append, long holdVersion) {
      this.append = append;
      this.holdVersion = holdVersion;
    }

    @Override
    public AppendResult appendCommit(NewCommit commit) {
      AppendResult result = append.appendCommit(commit);
      if (commit.firstVersion() == holdVersion && landed.getCount() > 0) {
        landed.countDown();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the worker stopped before the append was reported");
      }
      return result;
    }
  }
}
