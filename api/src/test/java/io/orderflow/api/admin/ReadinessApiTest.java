package io.orderflow.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.api.ApiClient;
import io.orderflow.control.ServiceMode;
import io.orderflow.control.ServiceModeStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class ReadinessApiTest {
  @Autowired Environment environment;
  @Autowired ServiceModeStore modes;
  ApiClient api;

  @BeforeEach
  void client() {
    api = ApiClient.ofRunningApp(environment);
  }

  @AfterEach
  void normal() {
    modes.write(ServiceModeStore.Setting.initial());
  }

  @Test
  @DisplayName("readiness names DynamoDB, Temporal and the service mode, and is UP in NORMAL")
  void readyInNormal() {
    ApiClient.Response readiness = api.get("/actuator/health/readiness");

    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.body().get("components").has("dynamodb")).isTrue();
    assertThat(readiness.body().get("components").has("temporal")).isTrue();
    assertThat(readiness.body().get("components").get("serviceMode").get("status").asText())
        .isEqualTo("UP");
  }

  @Test
  @DisplayName("in MAINTENANCE readiness is down (503, OUT_OF_SERVICE) while liveness stays up")
  void notReadyInMaintenance() {
    modes.write(new ServiceModeStore.Setting(ServiceMode.MAINTENANCE, "test", "restore", null));

    ApiClient.Response readiness = api.get("/actuator/health/readiness");
    ApiClient.Response liveness = api.get("/actuator/health/liveness");

    assertThat(readiness.status()).isEqualTo(503);
    assertThat(readiness.body().get("status").asText()).isEqualTo("OUT_OF_SERVICE");
    assertThat(liveness.status()).isEqualTo(200);
  }

  @Test
  @DisplayName("the dependencies group shows DynamoDB, SNS and Temporal")
  void dependencies() {
    ApiClient.Response dependencies = api.get("/actuator/health/dependencies");

    assertThat(dependencies.body().get("components").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("dynamodb", "sns", "temporal");
  }
}
