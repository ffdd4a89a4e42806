package io.orderflow.api.problem;

import io.orderflow.order.FieldViolation;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds problem+json responses of a {@link ProblemType}. */
public final class Problems {
  private Problems() {}

  public static ResponseEntity<ProblemDetail> of(ProblemType type, String detail) {
    return of(type, detail, List.of());
  }

  public static ResponseEntity<ProblemDetail> of(
      ProblemType type, String detail, List<FieldViolation> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
    problem.setType(type.uri());
    problem.setTitle(type.title());
    if (!errors.isEmpty()) {
      problem.setProperty(
          "errors",
          errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
    }
    return ResponseEntity.status(type.status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
