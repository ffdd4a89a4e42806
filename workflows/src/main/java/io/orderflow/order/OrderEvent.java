package io.orderflow.order;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something that happened to an order. Every event is a past-tense record; on the wire and in the
 * store it is named by its stable {@link EventType} name, never by its Java class name.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OrderCreated.class, name = OrderCreated.TYPE),
  @JsonSubTypes.Type(value = OrderConfirmed.class, name = OrderConfirmed.TYPE),
  @JsonSubTypes.Type(value = OrderPaid.class, name = OrderPaid.TYPE),
  @JsonSubTypes.Type(value = OrderShipped.class, name = OrderShipped.TYPE),
  @JsonSubTypes.Type(value = OrderDelivered.class, name = OrderDelivered.TYPE),
  @JsonSubTypes.Type(value = OrderCancelled.class, name = OrderCancelled.TYPE),
  @JsonSubTypes.Type(value = OrderRefunded.class, name = OrderRefunded.TYPE),
  @JsonSubTypes.Type(value = OrderCorrected.class, name = OrderCorrected.TYPE)
})
public sealed interface OrderEvent
    permits OrderCreated,
        OrderConfirmed,
        OrderPaid,
        OrderShipped,
        OrderDelivered,
        OrderCancelled,
        OrderRefunded,
        OrderCorrected {}
