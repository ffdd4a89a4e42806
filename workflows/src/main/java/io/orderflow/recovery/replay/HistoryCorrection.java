package io.orderflow.recovery.replay;

/**
 * A correction the stored history of one order needs, as a replay report lists it.
 *
 * @param correctsVersion the version of the event that broke the rule
 * @param rule the broken rule ({@code OrderInvariants})
 * @param detail what the violation was
 * @param reason the corrective event's reason; or why an operator is needed, or why it was skipped
 * @param amountPaid the amount paid the correction restates; null when it leaves it alone
 * @param amountRefunded the amount refunded the correction restates; null when it leaves it alone
 * @param appendedVersion where the correction landed; 0 unless {@link CorrectionOutcome#APPENDED}
 * @param published whether the appended correction reached the bus; null unless appended. False
 *     leaves the commit's unpublished marker for the republish runbook.
 */
public record HistoryCorrection(
    String orderId,
    long correctsVersion,
    String rule,
    String detail,
    CorrectionOutcome outcome,
    String reason,
    String amountPaid,
    String amountRefunded,
    long appendedVersion,
    Boolean published) {

  public HistoryCorrection withPublished(boolean delivered) {
    return new HistoryCorrection(
        orderId,
        correctsVersion,
        rule,
        detail,
        outcome,
        reason,
        amountPaid,
        amountRefunded,
        appendedVersion,
        delivered);
  }
}
