package io.orderflow.api;

import io.orderflow.workers.config.WorkersConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The API. It always builds the worker-side beans it reads through (event store, AWS clients);
 * whether the Temporal workers run in this process is {@code orderflow.worker.enabled}.
 */
@SpringBootApplication
@Import(WorkersConfiguration.class)
public class OrderflowApplication {
  public static void main(String[] args) {
    SpringApplication.run(OrderflowApplication.class, args);
  }
}
