package io.orderflow.workers;

import io.orderflow.workers.config.WorkersConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** The worker process on its own, as production runs it beside a workers-off API. */
@SpringBootApplication
@Import(WorkersConfiguration.class)
public class WorkersApplication {
  public static void main(String[] args) {
    // Its own config name, so this module's settings never shadow the API's application.yaml.
    new SpringApplicationBuilder(WorkersApplication.class)
        .properties("spring.config.name=workers-application")
        .run(args);
  }
}
