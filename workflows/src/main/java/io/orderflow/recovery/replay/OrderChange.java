package io.orderflow.recovery.replay;

import java.util.List;

/**
 * One order whose stored derivatives differ from today's fold.
 *
 * @param where {@code snapshot} or {@code projection}
 * @param fields what differs, field by field
 * @param violations business rules the stored history itself breaks (it needs a correction that no
 *     replay can make)
 */
public record OrderChange(
    String orderId, long version, List<FieldChange> fields, List<String> violations) {

  /** A field as stored and as today's fold has it. */
  public record FieldChange(String where, String field, String stored, String folded) {}
}
