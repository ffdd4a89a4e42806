package io.orderflow.order;

/**
 * One reason a command was refused, tied to the input field that caused it.
 *
 * @param field the JSON path of the field, e.g. {@code items[0].quantity}
 */
public record FieldViolation(String field, String message) {}
