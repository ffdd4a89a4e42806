package io.orderflow.order;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The stored history broke a business rule (a bug in decide code let an event through that today's
 * rules refuse), and this restates the money facts as they should stand. History is never
 * rewritten: the wrong event stays, and this one, appended after it, corrects it. Not a state
 * transition: legal in every status, the final ones included, and it never changes the status.
 *
 * @param correctsVersion the version of the event that broke the rule; at least 1
 * @param rule the {@link OrderInvariants} rule it broke, e.g. {@code refund-within-paid}
 * @param reason what was wrong and what this sets, for people
 * @param operationId the replay operation that appended it
 * @param amountPaid what was paid, restated; null when the correction leaves it alone
 * @param amountRefunded what was refunded in all, restated; null when left alone
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderCorrected(
    long correctsVersion,
    String rule,
    String reason,
    String operationId,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountPaid,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountRefunded)
    implements OrderEvent {
  public static final String TYPE = "order-corrected";

  /** Whether this correction answers the violation of {@code rule} at {@code version}. */
  public boolean corrects(long version, String rule) {
    return correctsVersion == version && Objects.equals(this.rule, rule);
  }
}
