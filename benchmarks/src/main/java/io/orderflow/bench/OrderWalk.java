package io.orderflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * One client's iteration against the REST API: create an order, walk it to DELIVERED (confirm, pay
 * its total, ship, deliver), then read it once. Each step checks the status code and the status the
 * answer shows, so a walk only counts when the order really got there.
 */
final class OrderWalk implements ClosedLoop.Iteration {
  /** The timed operations, in the order a walk makes them. */
  static final List<String> OPERATIONS =
      List.of("create", "confirm", "pay", "ship", "deliver", "read");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final URI orders;
  private final String customerId;

  OrderWalk(HttpClient http, URI api, int client) {
    this.http = http;
    this.orders = api.resolve("/api/orders");
    this.customerId = "bench-customer-" + client;
  }

  static HttpClient newHttpClient() {
    // Tomcat speaks HTTP/1.1 on a plain port; the client keeps one connection per busy client.
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  @Override
  public void run(ClosedLoop.Recorder r) throws Exception {
    String createBody =
        """
        {"customerId":"%s","currency":"EUR","items":[
          {"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"},
          {"sku":"PEN-7","quantity":1,"unitPrice":"3.20"}]}"""
            .formatted(customerId);
    JsonNode created = r.time("create", () -> call(post(orders, createBody), 201, "PENDING"));
    String id = created.get("orderId").asText();
    String total = created.get("total").asText();
    URI order = URI.create(orders + "/" + id);
    r.time("confirm", () -> call(post(command(order, "confirm"), null), 200, "CONFIRMED"));
    String payBody =
        "{\"paymentId\":\"pay-%s\",\"amount\":\"%s\"}".formatted(UUID.randomUUID(), total);
    r.time("pay", () -> call(post(command(order, "pay"), payBody), 200, "PAID"));
    String shipBody = "{\"carrier\":\"DHL\",\"trackingNumber\":\"T-%s\"}".formatted(id);
    r.time("ship", () -> call(post(command(order, "ship"), shipBody), 200, "SHIPPED"));
    r.time("deliver", () -> call(post(command(order, "deliver"), null), 200, "DELIVERED"));
    r.time("read", () -> call(HttpRequest.newBuilder(order).timeout(TIMEOUT).GET(), 200, null));
  }

  private static URI command(URI order, String name) {
    return URI.create(order + "/" + name);
  }

  private static HttpRequest.Builder post(URI uri, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    if (body == null) {
      return b.POST(HttpRequest.BodyPublishers.noBody());
    }
    return b.header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private JsonNode call(HttpRequest.Builder request, int expectedCode, String expectedStatus)
      throws Exception {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expectedCode) {
      throw new ClosedLoop.StepFailed(
          request.build().method()
              + " "
              + request.build().uri().getPath().replaceAll("[0-9a-f-]{36}", "{id}")
              + " -> "
              + response.statusCode()
              + " "
              + problemType(response.body()));
    }
    JsonNode body = JSON.readTree(response.body());
    if (expectedStatus != null && !expectedStatus.equals(body.path("status").asText())) {
      throw new ClosedLoop.StepFailed(
          "expected status " + expectedStatus + ", got " + body.path("status").asText());
    }
    return body;
  }

  private static String problemType(String body) {
    try {
      return JSON.readTree(body).path("type").asText();
    } catch (Exception notJson) {
      return "";
    }
  }
}
