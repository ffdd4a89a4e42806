package io.orderflow.order.workflow;

import static io.orderflow.order.OrderFixtures.validCreate;
import static io.orderflow.order.workflow.OrderStreamAssertions.applicationFailureIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.order.CreateOrder;
import io.orderflow.order.FieldViolation;
import io.orderflow.order.Order;
import io.orderflow.order.OrderCreated;
import io.orderflow.order.OrderFixtures;
import io.orderflow.order.OrderRejected;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.workflow.InMemoryEventStore.StoredCommit;
import io.orderflow.order.workflow.RecordingPublication.Published;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class OrderWorkflowTest {
  private static final String SDK_2875 =
      "temporalio/sdk-java#2875 (fixed by PR #3001, not in 1.38.0): a validator's ApplicationFailure"
          + " reaches the caller without its type and details";
  private static final String ORDER_ID = OrderFixtures.ORDER_ID;

  private TestWorkflowEnvironment testEnv;
  private WorkflowClient client;
  private InMemoryEventStore store;
  private RecordingPublication publication;
  private RecordingProjection projection;
  private int requests;

  @BeforeEach
  void startWorker() {
    testEnv = TestWorkflowEnvironment.newInstance();
    store = new InMemoryEventStore();
    publication = new RecordingPublication(store);
    projection = new RecordingProjection();
    Worker worker = testEnv.newWorker(OrderWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
    worker.registerActivitiesImplementations(store, publication, projection);
    testEnv.start();
    client = testEnv.getWorkflowClient();
  }

  @AfterEach
  void stopWorker() {
    testEnv.close();
  }

  @Test
  void givenNoOrder_whenCreate_thenAnswersPendingOrderAtVersionOne() {
    Order order = create(validCreate());

    assertThat(order.orderId()).isEqualTo(ORDER_ID);
    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(order.version()).isEqualTo(1);
    assertThat(order.total()).isEqualByComparingTo("28.99");
  }

  @Test
  void givenNoOrder_whenCreate_thenOneCommitChainedToGenesisHoldsOrderCreated() {
    CreateOrder command = validCreate();

    create(command);

    assertThat(store.commits(ORDER_ID))
        .singleElement()
        .satisfies(
            stored -> {
              NewCommit commit = stored.commit();
              assertThat(commit.expectedVersion()).isZero();
              assertThat(commit.prevHash()).isEqualTo(NewCommit.GENESIS_HASH);
              assertThat(commit.metadata()).isEqualTo(metadata(ORDER_ID));
              assertThat(commit.events())
                  .singleElement()
                  .satisfies(
                      e ->
                          assertThat(e.event())
                              .isEqualTo(
                                  new OrderCreated(
                                      ORDER_ID,
                                      command.customerId(),
                                      command.currency(),
                                      command.items())));
            });
  }

  @Test
  void givenNoOrder_whenCreate_thenTheCommitIsPublishedOnce() {
    create(validCreate());

    assertThat(publication.published()).containsExactly(new Published(ORDER_ID, 1));
    assertThat(store.commits(ORDER_ID))
        .extracting(StoredCommit::unpublished)
        .containsExactly(false);
  }

  @Test
  void givenCreatedOrder_whenQueried_thenCurrentIsTheAnsweredState() {
    Order answered = create(validCreate());

    Order current =
        client.newWorkflowStub(OrderWorkflow.class, OrderWorkflow.workflowId(ORDER_ID)).current();

    assertThat(current).isEqualTo(answered);
  }

  @Test
  void givenInvalidCommand_whenCreate_thenTheUpdateIsRejectedAsInvalid() {
    CreateOrder invalid = new CreateOrder(ORDER_ID, " ", "EUR", List.of());

    WorkflowUpdateException e =
        catchThrowableOfType(WorkflowUpdateException.class, () -> create(invalid));

    assertThat(((ApplicationFailure) e.getCause()).getOriginalMessage())
        .as("reason and fields survive in the message (temporalio/sdk-java#2875)")
        .isEqualTo(
            "[InvalidOrder] the order is invalid\n"
                + "- customerId: must not be blank\n"
                + "- items: must hold at least one item");
  }

  @Test
  @Disabled(SDK_2875)
  void givenInvalidCommand_whenCreate_thenRejectionIsTypedInvalidOrderAndNamesEachField() {
    CreateOrder invalid = new CreateOrder(ORDER_ID, " ", "EUR", List.of());

    WorkflowUpdateException e =
        catchThrowableOfType(WorkflowUpdateException.class, () -> create(invalid));

    ApplicationFailure failure = (ApplicationFailure) e.getCause();
    assertThat(failure.getType()).isEqualTo(OrderRejected.INVALID_ORDER);
    assertThat(violations(failure))
        .extracting(FieldViolation::field)
        .containsExactly("customerId", "items");
  }

  @Test
  void givenInvalidCommand_whenCreate_thenNothingIsAppendedOrPublished() {
    catchThrowableOfType(
        WorkflowUpdateException.class,
        () -> create(new CreateOrder(ORDER_ID, "c-1", "XYZ", validCreate().items())));

    assertThat(store.appendAttempts()).isZero();
    assertThat(publication.attempts()).isZero();
  }

  @Test
  void givenCommandForAnotherOrder_whenCreate_thenRejectedAndNothingIsAppended() {
    CreateOrder forAnotherOrder = validCreate("o-2");

    WorkflowUpdateException e =
        catchThrowableOfType(
            WorkflowUpdateException.class, () -> create(ORDER_ID, forAnotherOrder));

    assertThat(((ApplicationFailure) e.getCause()).getOriginalMessage())
        .isEqualTo("[InvalidOrder] the command is not for order o-1\n- orderId: must be o-1");
    assertThat(store.appendAttempts()).isZero();
  }

  @Test
  void givenCreatedOrder_whenCreateAgain_thenRejectedAsAlreadyExisting() {
    create(validCreate());

    WorkflowUpdateException e =
        catchThrowableOfType(WorkflowUpdateException.class, () -> create(validCreate()));

    assertThat(((ApplicationFailure) e.getCause()).getOriginalMessage())
        .isEqualTo("[OrderAlreadyExists] order " + ORDER_ID + " already exists");
  }

  @Test
  @Disabled(SDK_2875)
  void givenCreatedOrder_whenCreateAgain_thenRejectionIsTypedOrderAlreadyExists() {
    create(validCreate());

    WorkflowUpdateException e =
        catchThrowableOfType(WorkflowUpdateException.class, () -> create(validCreate()));

    assertThat(((ApplicationFailure) e.getCause()).getType()).isEqualTo(OrderRejected.ORDER_EXISTS);
  }

  /**
   * Canary for temporalio/sdk-java#2875: in SDK 1.38.0 a validator's {@link ApplicationFailure} is
   * serialized twice, so the caller gets type {@code WorkflowExecutionException} and no details.
   * When this test fails the SDK is fixed: delete it and enable the tests marked {@code SDK_2875}.
   */
  @Test
  void sdk2875_validatorRejectionStillLosesItsTypeAndDetails() {
    create(validCreate());

    WorkflowUpdateException e =
        catchThrowableOfType(WorkflowUpdateException.class, () -> create(validCreate()));

    ApplicationFailure failure = (ApplicationFailure) e.getCause();
    assertThat(failure.getType())
        .isEqualTo("io.temporal.internal.worker.WorkflowExecutionException");
    assertThat(failure.getDetails().getSize()).isZero();
  }

  @Test
  void givenCreatedOrder_whenCreateAgain_thenTheStoreStillHoldsOneCommit() {
    create(validCreate());

    catchThrowableOfType(WorkflowUpdateException.class, () -> create(validCreate()));

    assertThat(store.commits(ORDER_ID)).hasSize(1);
    assertThat(publication.published()).hasSize(1);
  }

  @Test
  void givenBusDown_whenCreate_thenStillAnswersAndTheCommitStaysUnpublished() {
    publication.goDown();

    Order order = create(validCreate());

    assertThat(order.version()).isEqualTo(1);
    assertThat(store.commits(ORDER_ID)).extracting(StoredCommit::unpublished).containsExactly(true);
    assertThat(publication.published()).isEmpty();
    // Publication is bounded by its retry policy, not retried forever.
    assertThat(publication.attempts()).isEqualTo(5);
  }

  @Test
  void givenAppendWhoseAnswerIsLost_whenCreate_thenTheRetryWritesNothingNewAndAnswers() {
    store.loseNextAnswer();

    Order order = create(validCreate());

    assertThat(order.version()).isEqualTo(1);
    assertThat(store.appendAttempts()).isEqualTo(2);
    assertThat(store.commits(ORDER_ID)).hasSize(1);
  }

  @Test
  void givenAnotherWriterHoldsVersionOne_whenCreate_thenUpdateFailsWithConcurrencyConflict() {
    store.commitFromAnotherWriter(ORDER_ID);

    WorkflowUpdateException e =
        catchThrowableOfType(WorkflowUpdateException.class, () -> create(validCreate()));

    assertThat(applicationFailureIn(e).getType())
        .isEqualTo(EventStoreActivities.CONCURRENCY_CONFLICT);
    assertThat(store.appendAttempts()).as("a conflict is not retried").isEqualTo(1);
    assertThat(publication.attempts()).isZero();
  }

  @Test
  void givenRefusedCreation_whenCreationWindowIsNotOver_thenWorkflowIsStillRunning() {
    catchThrowableOfType(
        WorkflowUpdateException.class, () -> create(new CreateOrder(ORDER_ID, "", "EUR", null)));

    testEnv.sleep(OrderWorkflowImpl.CREATION_WINDOW.minus(Duration.ofMinutes(1)));

    assertThat(status(ORDER_ID))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }

  @Test
  void givenRefusedCreation_whenCreationWindowPasses_thenWorkflowCompletesByItself() {
    catchThrowableOfType(
        WorkflowUpdateException.class, () -> create(new CreateOrder(ORDER_ID, "", "EUR", null)));

    testEnv.sleep(OrderWorkflowImpl.CREATION_WINDOW.plus(Duration.ofSeconds(1)));

    assertThat(status(ORDER_ID))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
  }

  @Test
  void givenCreatedOrder_whenCreationWindowPasses_thenWorkflowKeepsRunning() {
    create(validCreate());

    testEnv.sleep(OrderWorkflowImpl.CREATION_WINDOW.plus(Duration.ofMinutes(1)));

    assertThat(status(ORDER_ID))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }

  /** Sends the command the way the API does: update-with-start, waiting for the answer. */
  static Order create(WorkflowClient client, String orderId, CreateOrder command) {
    return create(client, orderId, command, metadata(orderId));
  }

  /** Each call is a new request, unless the same metadata (request id) is passed again. */
  static Order create(
      WorkflowClient client, String orderId, CreateOrder command, CommitMetadata metadata) {
    OrderWorkflow workflow =
        client.newWorkflowStub(
            OrderWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(OrderWorkflow.workflowId(orderId))
                .setTaskQueue(OrderWorkflow.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
    return WorkflowClient.executeUpdateWithStart(
        workflow::create,
        command,
        metadata,
        UpdateOptions.<Order>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
        new WithStartWorkflowOperation<>(workflow::run, OrderWorkflowInput.newOrder(orderId)));
  }

  static CommitMetadata metadata(String orderId) {
    return new CommitMetadata("corr-1", "cmd-1", "alice", OrderWorkflow.workflowId(orderId));
  }

  private Order create(CreateOrder command) {
    return create(command.orderId(), command);
  }

  private Order create(String orderId, CreateOrder command) {
    requests++;
    CommitMetadata metadata =
        requests == 1
            ? metadata(orderId)
            : new CommitMetadata(
                "corr-1", "cmd-" + requests, "alice", OrderWorkflow.workflowId(orderId));
    return create(client, orderId, command, metadata);
  }

  private WorkflowExecutionStatus status(String orderId) {
    return client.newUntypedWorkflowStub(OrderWorkflow.workflowId(orderId)).describe().getStatus();
  }

  private static List<FieldViolation> violations(ApplicationFailure failure) {
    return failure
        .getDetails()
        .get(0, List.class, new TypeReference<List<FieldViolation>>() {}.getType());
  }
}
