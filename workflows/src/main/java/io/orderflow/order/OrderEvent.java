package io.orderflow.order;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something that happened to an order. Every event is a past-tense record; on the wire and in the
 * store it is named by its stable {@link EventType} name, never by its Java class name.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
@JsonSubTypes({@JsonSubTypes.Type(value = OrderCreated.class, name = OrderCreated.TYPE)})
public sealed interface OrderEvent permits OrderCreated {}
