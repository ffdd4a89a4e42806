package io.orderflow.api.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.api.ApiClient;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The order lifecycle through the running app (API, workers, embedded Temporal, dynalite): the walk
 * to DELIVERED and a refund, every illegal transition, bad command bodies, unknown orders,
 * idempotency, racing clients and the list from the projection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderLifecycleApiTest {
  /** 2 × 12.50 + 1 × 3.99 = 28.99 EUR. */
  static final String TOTAL = "28.99";

  /** The six commands with a body that is valid for an order of {@link #TOTAL}. */
  enum Command {
    CONFIRM("confirm", ""),
    PAY("pay", "{\"paymentId\":\"pay-1\",\"amount\":\"" + TOTAL + "\"}"),
    SHIP("ship", "{\"carrier\":\"DHL\",\"trackingNumber\":\"T-1\"}"),
    DELIVER("deliver", ""),
    CANCEL("cancel", "{\"reason\":\"changed my mind\"}"),
    REFUND("refund", "{\"amount\":\"" + TOTAL + "\",\"reason\":\"damaged\"}");

    final String path;
    final String body;

    Command(String path, String body) {
      this.path = path;
      this.body = body;
    }
  }

  /** The legal commands of DESIGN.md §6, by the status they apply to. */
  static final Map<String, Set<Command>> LEGAL =
      Map.of(
          "PENDING", Set.of(Command.CONFIRM, Command.CANCEL),
          "CONFIRMED", Set.of(Command.PAY, Command.CANCEL),
          "PAID", Set.of(Command.SHIP, Command.REFUND),
          "SHIPPED", Set.of(Command.DELIVER),
          "DELIVERED", Set.of(Command.REFUND),
          "CANCELLED", Set.of(),
          "REFUNDED", Set.of());

  @Autowired Environment environment;
  @Autowired DynamoDbEventStore store;
  ApiClient api;
  final ExecutorService pool = Executors.newFixedThreadPool(8);

  @BeforeEach
  void client() {
    api = ApiClient.ofRunningApp(environment);
  }

  @AfterAll
  void stopPool() {
    pool.shutdownNow();
  }

  @Nested
  class TheWalk {
    @Test
    @DisplayName("create → confirm → pay → ship → deliver each answer 200 with the new status")
    void walkToDelivered() {
      String orderId = create();

      List<String> statuses = new ArrayList<>();
      for (Command command : List.of(Command.CONFIRM, Command.PAY, Command.SHIP, Command.DELIVER)) {
        ApiClient.Response response = send(orderId, command);
        assertThat(response.status()).as(command.path).isEqualTo(200);
        statuses.add(response.body().get("status").asText());
      }

      assertThat(statuses).containsExactly("CONFIRMED", "PAID", "SHIPPED", "DELIVERED");
      JsonNode delivered = api.get("/api/orders/" + orderId).body();
      assertThat(delivered.get("version").asLong()).isEqualTo(5);
      assertThat(delivered.get("amountPaid").asText()).isEqualTo(TOTAL);
      assertThat(delivered.get("carrier").asText()).isEqualTo("DHL");
      assertThat(delivered.get("trackingNumber").asText()).isEqualTo("T-1");
    }

    @Test
    @DisplayName("a delivered order refunded in full is REFUNDED with the amount given back")
    void deliveredOrderRefunded() {
      String orderId = orderIn("DELIVERED");

      ApiClient.Response refunded = send(orderId, Command.REFUND);

      assertThat(refunded.status()).isEqualTo(200);
      assertThat(refunded.body().get("status").asText()).isEqualTo("REFUNDED");
      assertThat(refunded.body().get("amountRefunded").asText()).isEqualTo(TOTAL);
      assertThat(refunded.body().get("version").asLong()).isEqualTo(6);
    }

    @Test
    @DisplayName("the events of the whole walk are listed in order, versions 1 to 6")
    void eventsOfTheWalk() {
      String orderId = orderIn("REFUNDED-AFTER-DELIVERY");

      JsonNode events = api.get("/api/orders/" + orderId + "/events").body().get("events");

      List<String> types = new ArrayList<>();
      List<Long> versions = new ArrayList<>();
      events.forEach(
          e -> {
            types.add(e.get("type").asText());
            versions.add(e.get("version").asLong());
          });
      assertThat(types)
          .containsExactly(
              "order-created",
              "order-confirmed",
              "order-paid",
              "order-shipped",
              "order-delivered",
              "order-refunded");
      assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    @DisplayName("an earlier version of the walked order reads back as it was then")
    void atVersion() {
      String orderId = orderIn("SHIPPED");

      JsonNode paid = api.get("/api/orders/" + orderId + "?atVersion=3").body();

      assertThat(paid.get("status").asText()).isEqualTo("PAID");
      assertThat(paid.get("version").asLong()).isEqualTo(3);
      assertThat(paid.has("carrier")).isFalse();
    }
  }

  @Nested
  class IllegalTransitions {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {"PENDING", "CONFIRMED", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"})
    @DisplayName("every command the status forbids answers 409 illegal-transition naming it")
    void everyIllegalCommandIs409(String status) {
      String orderId = orderIn(status);
      long version = version(orderId);

      for (Command command : Command.values()) {
        if (LEGAL.get(status).contains(command)) {
          continue;
        }
        ApiClient.Response response = send(orderId, command);

        assertProblem(response, 409, "/problems/illegal-transition");
        assertThat(response.body().get("detail").asText())
            .as("%s on a %s order", command, status)
            .contains("cannot " + command.path + " an order that is " + status);
      }
      assertThat(version(orderId)).as("nothing was appended").isEqualTo(version);
    }
  }

  /**
   * Every body here is refused, so the orders it is sent to never change: one order per status
   * serves all of them (each test still checks that nothing was appended).
   */
  @Nested
  class InvalidBodies {
    @Test
    @DisplayName("a payment that is not the total is a 400 invalid-command naming amount")
    void payWrongAmount() {
      String orderId = unchangingOrderIn("CONFIRMED");

      ApiClient.Response response =
          api.post(pathOf(orderId, Command.PAY), "{\"paymentId\":\"p\",\"amount\":\"28.98\"}");

      assertProblem(response, 400, "/problems/invalid-command");
      assertThat(fields(response)).containsExactly("amount");
      assertThat(version(orderId)).isEqualTo(2);
    }

    @Test
    @DisplayName("a payment with more decimals than EUR has is a 400 naming amount")
    void payTooPrecise() {
      String orderId = unchangingOrderIn("CONFIRMED");

      ApiClient.Response response =
          api.post(pathOf(orderId, Command.PAY), "{\"paymentId\":\"p\",\"amount\":\"28.989\"}");

      assertProblem(response, 400, "/problems/invalid-command");
      assertThat(fields(response)).contains("amount");
    }

    @Test
    @DisplayName("a payment without paymentId is a 400 naming paymentId")
    void payWithoutPaymentId() {
      String orderId = unchangingOrderIn("CONFIRMED");

      ApiClient.Response response =
          api.post(pathOf(orderId, Command.PAY), "{\"amount\":\"" + TOTAL + "\"}");

      assertProblem(response, 400, "/problems/invalid-command");
      assertThat(fields(response)).containsExactly("paymentId");
    }

    @Test
    @DisplayName("a refund above what was paid is a 400 naming amount")
    void refundTooLarge() {
      String orderId = unchangingOrderIn("PAID");

      ApiClient.Response response =
          api.post(pathOf(orderId, Command.REFUND), "{\"amount\":\"29.00\",\"reason\":\"r\"}");

      assertProblem(response, 400, "/problems/invalid-command");
      assertThat(fields(response)).containsExactly("amount");
      assertThat(version(orderId)).isEqualTo(3);
    }

    @Test
    @DisplayName("a zero refund is a 400 naming amount")
    void refundZero() {
      String orderId = unchangingOrderIn("PAID");

      ApiClient.Response response =
          api.post(pathOf(orderId, Command.REFUND), "{\"amount\":\"0\",\"reason\":\"r\"}");

      assertProblem(response, 400, "/problems/invalid-command");
      assertThat(fields(response)).containsExactly("amount");
    }

    @Test
    @DisplayName("a shipment without carrier is a 400 naming carrier")
    void shipWithoutCarrier() {
      String orderId = unchangingOrderIn("PAID");

      ApiClient.Response response =
          api.post(pathOf(orderId, Command.SHIP), "{\"trackingNumber\":\"T-1\"}");

      assertProblem(response, 400, "/problems/invalid-command");
      assertThat(fields(response)).containsExactly("carrier");
    }

    @Test
    @DisplayName("a cancellation without reason is a 400 naming reason")
    void cancelWithoutReason() {
      String orderId = unchangingOrderIn("PENDING");

      ApiClient.Response response = api.post(pathOf(orderId, Command.CANCEL), "{}");

      assertProblem(response, 400, "/problems/invalid-command");
      assertThat(fields(response)).containsExactly("reason");
    }

    @Test
    @DisplayName("malformed JSON in a command is a 400 malformed-request")
    void malformedJson() {
      String orderId = unchangingOrderIn("CONFIRMED");

      ApiClient.Response response = api.post(pathOf(orderId, Command.PAY), "{\"amount\": ");

      assertProblem(response, 400, "/problems/malformed-request");
      assertThat(version(orderId)).isEqualTo(2);
    }

    @Test
    @DisplayName("a command that needs a body and has none is a 400 malformed-request")
    void missingBody() {
      String orderId = unchangingOrderIn("PAID");

      ApiClient.Response response = api.post(pathOf(orderId, Command.SHIP), "");

      assertProblem(response, 400, "/problems/malformed-request");
    }

    @Test
    @DisplayName("an amount that is not a number is a 400 naming amount")
    void amountOfWrongType() {
      String orderId = unchangingOrderIn("CONFIRMED");

      ApiClient.Response response =
          api.post(pathOf(orderId, Command.PAY), "{\"paymentId\":\"p\",\"amount\":\"lots\"}");

      assertProblem(response, 400, "/problems/malformed-request");
      assertThat(fields(response)).containsExactly("amount");
    }

    @Test
    @DisplayName("a carrier that is an object, not a string, is a 400 naming carrier")
    void carrierOfWrongType() {
      String orderId = unchangingOrderIn("PAID");

      ApiClient.Response response =
          api.post(pathOf(orderId, Command.SHIP), "{\"carrier\":{\"name\":\"DHL\"}}");

      assertProblem(response, 400, "/problems/malformed-request");
      assertThat(fields(response)).containsExactly("carrier");
    }
  }

  @Nested
  class UnknownOrders {
    @ParameterizedTest(name = "{0}")
    @EnumSource(Command.class)
    @DisplayName("every command on an order that does not exist is a 404 order-not-found")
    void unknownOrder(Command command) {
      String orderId = "no-such-order-" + UUID.randomUUID();

      ApiClient.Response response = send(orderId, command);

      assertProblem(response, 404, "/problems/order-not-found");
      assertThat(response.body().get("detail").asText()).contains(orderId);
    }
  }

  @Nested
  class Idempotency {
    @Test
    @DisplayName("the same Idempotency-Key and body twice create one order: 201 both, same id")
    void sameKeySameBody() {
      Map<String, String> key = Map.of("Idempotency-Key", "create-" + UUID.randomUUID());

      ApiClient.Response first = api.post("/api/orders", order("c-idem"), key);
      ApiClient.Response second = api.post("/api/orders", order("c-idem"), key);

      assertThat(first.status()).isEqualTo(201);
      assertThat(second.status()).isEqualTo(201);
      String orderId = first.body().get("orderId").asText();
      assertThat(second.body().get("orderId").asText()).isEqualTo(orderId);
      assertThat(second.header("Location")).isEqualTo("/api/orders/" + orderId);
      assertThat(store.readEvents(orderId)).hasSize(1);
    }

    @Test
    @DisplayName("the same order written with other amounts' trailing zeros is the same request")
    void sameKeyEquivalentBody() {
      Map<String, String> key = Map.of("Idempotency-Key", "create-" + UUID.randomUUID());
      String original = order("c-idem");

      ApiClient.Response first = api.post("/api/orders", original, key);
      ApiClient.Response second =
          api.post("/api/orders", original.replace("\"12.50\"", "\"12.5\""), key);

      assertThat(second.status()).isEqualTo(201);
      assertThat(second.body().get("orderId")).isEqualTo(first.body().get("orderId"));
    }

    @Test
    @DisplayName("the same Idempotency-Key with a different body is a 409 idempotency-key-reused")
    void sameKeyDifferentBody() {
      Map<String, String> key = Map.of("Idempotency-Key", "create-" + UUID.randomUUID());
      String orderId = api.post("/api/orders", order("c-idem"), key).body().get("orderId").asText();

      ApiClient.Response reused = api.post("/api/orders", order("someone-else"), key);

      assertProblem(reused, 409, "/problems/idempotency-key-reused");
      assertThat(store.readEvents(orderId)).hasSize(1);
      assertThat(api.get("/api/orders/" + orderId).body().get("customerId").asText())
          .isEqualTo("c-idem");
    }

    @Test
    @DisplayName("a command sent twice with one Idempotency-Key is applied once, same answer")
    void commandTwiceWithOneKey() {
      String orderId = create();
      Map<String, String> key = Map.of("Idempotency-Key", "confirm-" + UUID.randomUUID());

      ApiClient.Response first = api.post(pathOf(orderId, Command.CONFIRM), "", key);
      ApiClient.Response second = api.post(pathOf(orderId, Command.CONFIRM), "", key);

      assertThat(first.status()).isEqualTo(200);
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.body()).isEqualTo(first.body());
      assertThat(eventTypes(orderId)).containsExactly("order-created", "order-confirmed");
    }

    @Test
    @DisplayName("a command's retry after the order moved on still gets its first answer")
    void lateRetryWithKey() {
      String orderId = orderIn("CONFIRMED");
      Map<String, String> key = Map.of("Idempotency-Key", "pay-" + UUID.randomUUID());
      ApiClient.Response paid = api.post(pathOf(orderId, Command.PAY), Command.PAY.body, key);
      send(orderId, Command.SHIP);

      ApiClient.Response retried = api.post(pathOf(orderId, Command.PAY), Command.PAY.body, key);

      assertThat(retried.status()).isEqualTo(200);
      assertThat(retried.body()).isEqualTo(paid.body());
      assertThat(eventTypes(orderId)).filteredOn("order-paid"::equals).hasSize(1);
    }
  }

  @Nested
  class RacingClients {
    @Test
    @DisplayName("8 clients confirming one order at once: one 200, seven 409, one event")
    void racingConfirms() throws Exception {
      String orderId = create();

      List<ApiClient.Response> responses =
          race(8, () -> api.post(pathOf(orderId, Command.CONFIRM), ""));

      assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
      assertThat(responses)
          .filteredOn(r -> r.status() != 200)
          .hasSize(7)
          .allSatisfy(r -> assertProblem(r, 409, "/problems/illegal-transition"));
      assertThat(eventTypes(orderId)).containsExactly("order-created", "order-confirmed");
    }

    @Test
    @DisplayName("8 clients confirming with one shared Idempotency-Key: eight identical 200s")
    void racingConfirmsWithOneKey() throws Exception {
      String orderId = create();
      Map<String, String> key = Map.of("Idempotency-Key", "confirm-" + UUID.randomUUID());

      List<ApiClient.Response> responses =
          race(8, () -> api.post(pathOf(orderId, Command.CONFIRM), "", key));

      assertThat(responses).extracting(ApiClient.Response::status).containsOnly(200);
      assertThat(responses)
          .extracting(ApiClient.Response::body)
          .containsOnly(responses.get(0).body());
      assertThat(eventTypes(orderId)).containsExactly("order-created", "order-confirmed");
    }

    @Test
    @DisplayName("ship and refund racing on a paid order: exactly one of them wins")
    void racingShipAndRefund() throws Exception {
      // From PAID each excludes the other: a shipped order cannot be refunded, a refunded one
      // cannot be shipped. (Confirm and cancel would not do: a confirmed order may be cancelled.)
      String orderId = orderIn("PAID");
      AtomicInteger next = new AtomicInteger();

      List<ApiClient.Response> responses =
          race(
              8,
              () -> send(orderId, next.getAndIncrement() % 2 == 0 ? Command.SHIP : Command.REFUND));

      assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
      assertThat(responses)
          .filteredOn(r -> r.status() != 200)
          .hasSize(7)
          .allSatisfy(r -> assertProblem(r, 409, "/problems/illegal-transition"));
      assertThat(eventTypes(orderId)).hasSize(4);
    }
  }

  @Nested
  class TheList {
    @Test
    @DisplayName("a customer's orders come one per page with limit=1, each page linking the next")
    void pagingByCustomer() {
      String customer = "c-list-" + UUID.randomUUID();
      Set<String> created = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        created.add(create(customer));
      }

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(allPages("customerId=" + customer)).hasSize(3));
      List<String> listed = allPages("customerId=" + customer);

      assertThat(listed).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    @DisplayName("the last page of a customer's orders has no nextPageToken")
    void lastPage() {
      String customer = "c-list-" + UUID.randomUUID();
      String orderId = create(customer);

      JsonNode page =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () -> api.get("/api/orders?customerId=" + customer + "&limit=5").body(),
                  body -> body.get("orders").size() == 1);

      assertThat(page.get("orders").get(0).get("orderId").asText()).isEqualTo(orderId);
      assertThat(page.has("nextPageToken")).isFalse();
    }

    @Test
    @DisplayName("orders listed by status are all of that status and include the one just moved")
    void byStatus() {
      String orderId = orderIn("SHIPPED");

      JsonNode orders =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () -> api.get("/api/orders?status=SHIPPED&limit=50").body().get("orders"),
                  list -> contains(list, orderId));

      orders.forEach(o -> assertThat(o.get("status").asText()).isEqualTo("SHIPPED"));
      JsonNode mine = find(orders, orderId);
      assertThat(mine.get("version").asLong()).isEqualTo(4);
      assertThat(mine.get("total").asText()).isEqualTo(TOTAL);
    }

    @Test
    @DisplayName("a status that does not exist is a 400 naming status")
    void badStatus() {
      ApiClient.Response response = api.get("/api/orders?status=LOST");

      assertProblem(response, 400, "/problems/invalid-parameter");
      assertThat(fields(response)).containsExactly("status");
    }

    @Test
    @DisplayName("both status and customerId is a 400 naming status")
    void bothFilters() {
      ApiClient.Response response = api.get("/api/orders?status=PAID&customerId=c-1");

      assertProblem(response, 400, "/problems/invalid-parameter");
      assertThat(fields(response)).containsExactly("status");
    }

    @Test
    @DisplayName("neither status nor customerId is a 400 naming status")
    void neitherFilter() {
      ApiClient.Response response = api.get("/api/orders");

      assertProblem(response, 400, "/problems/invalid-parameter");
      assertThat(fields(response)).containsExactly("status");
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "501"})
    @DisplayName("a limit outside 1..500 is a 400 naming limit")
    void badLimit(String limit) {
      ApiClient.Response response = api.get("/api/orders?customerId=c-1&limit=" + limit);

      assertProblem(response, 400, "/problems/invalid-parameter");
      assertThat(fields(response)).containsExactly("limit");
    }

    private List<String> allPages(String filter) {
      List<String> ids = new ArrayList<>();
      String token = null;
      do {
        ApiClient.Response page =
            api.get(
                "/api/orders?"
                    + filter
                    + "&limit=1"
                    + (token == null ? "" : "&pageToken=" + token));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("orders").size()).isLessThanOrEqualTo(1);
        page.body().get("orders").forEach(o -> ids.add(o.get("orderId").asText()));
        token = page.body().has("nextPageToken") ? page.body().get("nextPageToken").asText() : null;
      } while (token != null && ids.size() < 10);
      return ids;
    }
  }

  // --- helpers -----------------------------------------------------------------------------------

  static String order(String customerId) {
    return """
        {"customerId":"%s","currency":"EUR",
         "items":[{"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"},
                  {"sku":"PEN-7","quantity":1,"unitPrice":"3.99"}]}
        """
        .formatted(customerId);
  }

  private String create() {
    return create("c-lifecycle");
  }

  private final Map<String, String> unchangingOrders =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** An order in the status, shared by tests that only send it commands it refuses. */
  private String unchangingOrderIn(String status) {
    return unchangingOrders.computeIfAbsent(status, this::orderIn);
  }

  private String create(String customerId) {
    ApiClient.Response created = api.post("/api/orders", order(customerId));
    assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
    return created.body().get("orderId").asText();
  }

  /** A new order walked to a status through the API. */
  private String orderIn(String status) {
    String orderId = create();
    List<Command> path =
        switch (status) {
          case "PENDING" -> List.of();
          case "CONFIRMED" -> List.of(Command.CONFIRM);
          case "PAID" -> List.of(Command.CONFIRM, Command.PAY);
          case "SHIPPED" -> List.of(Command.CONFIRM, Command.PAY, Command.SHIP);
          case "DELIVERED" -> List.of(Command.CONFIRM, Command.PAY, Command.SHIP, Command.DELIVER);
          case "CANCELLED" -> List.of(Command.CANCEL);
          case "REFUNDED" -> List.of(Command.CONFIRM, Command.PAY, Command.REFUND);
          case "REFUNDED-AFTER-DELIVERY" ->
              List.of(Command.CONFIRM, Command.PAY, Command.SHIP, Command.DELIVER, Command.REFUND);
          default -> throw new IllegalArgumentException(status);
        };
    for (Command command : path) {
      ApiClient.Response response = send(orderId, command);
      assertThat(response.status()).as("%s: %s", command, response.body()).isEqualTo(200);
    }
    return orderId;
  }

  private ApiClient.Response send(String orderId, Command command) {
    return api.post(pathOf(orderId, command), command.body);
  }

  private static String pathOf(String orderId, Command command) {
    return "/api/orders/" + orderId + "/" + command.path;
  }

  private long version(String orderId) {
    return store.readEvents(orderId).size();
  }

  private List<String> eventTypes(String orderId) {
    return store.readEvents(orderId).stream().map(StoredEvent::type).toList();
  }

  private List<ApiClient.Response> race(int clients, Callable<ApiClient.Response> call)
      throws Exception {
    CountDownLatch ready = new CountDownLatch(clients);
    List<Callable<ApiClient.Response>> calls = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      calls.add(
          () -> {
            ready.countDown();
            ready.await(10, TimeUnit.SECONDS);
            return call.call();
          });
    }
    List<ApiClient.Response> responses = new ArrayList<>();
    for (Future<ApiClient.Response> f : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
      responses.add(f.get());
    }
    return responses;
  }

  private static boolean contains(JsonNode orders, String orderId) {
    return find(orders, orderId) != null;
  }

  private static JsonNode find(JsonNode orders, String orderId) {
    for (JsonNode o : orders) {
      if (orderId.equals(o.get("orderId").asText())) {
        return o;
      }
    }
    return null;
  }

  static void assertProblem(ApiClient.Response response, int status, String type) {
    assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body().get("type").asText()).isEqualTo(type);
    assertThat(response.body().get("status").asInt()).isEqualTo(status);
    assertThat(response.body().get("title").asText()).isNotBlank();
    assertThat(response.body().get("detail").asText()).doesNotContain("Exception");
  }

  static List<String> fields(ApiClient.Response response) {
    List<String> fields = new ArrayList<>();
    JsonNode errors = response.body().get("errors");
    assertThat(errors).as("errors[] of %s", response.body()).isNotNull();
    errors.forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }
}
