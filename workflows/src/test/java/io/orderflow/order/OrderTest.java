package io.orderflow.order;

import static io.orderflow.order.OrderFixtures.CREATED_AT;
import static io.orderflow.order.OrderFixtures.ORDER_ID;
import static io.orderflow.order.OrderFixtures.createdOrder;
import static io.orderflow.order.OrderFixtures.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderTest {

  private static final OrderCreated CREATED =
      new OrderCreated(
          ORDER_ID,
          "c-42",
          "EUR",
          List.of(
              new LineItem("SKU-BOOK", 2, new BigDecimal("12.50")),
              new LineItem("SKU-PEN", 1, new BigDecimal("3.99"))));

  @Test
  void givenNoEvents_whenFold_thenTheOrderDoesNotExist() {
    Order order = Order.fold(ORDER_ID, List.of());

    assertThat(order.exists()).isFalse();
    assertThat(order.version()).isZero();
    assertThat(order.total()).isEqualByComparingTo("0");
  }

  @Test
  void givenOrderCreated_whenFold_thenPendingOrderWithTheCommandsFields() {
    Order order = Order.fold(ORDER_ID, List.of(recorded(1, CREATED)));

    assertThat(order.exists()).isTrue();
    assertThat(order.orderId()).isEqualTo(ORDER_ID);
    assertThat(order.customerId()).isEqualTo("c-42");
    assertThat(order.currency()).isEqualTo("EUR");
    assertThat(order.items()).isEqualTo(CREATED.items());
    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
  }

  @Test
  void givenOrderCreated_whenFold_thenTotalIsSumOfQuantityTimesUnitPrice() {
    Order order = Order.fold(ORDER_ID, List.of(recorded(1, CREATED)));

    // 2 × 12.50 + 1 × 3.99
    assertThat(order.total()).isEqualByComparingTo("28.99");
  }

  @Test
  void givenOrderCreated_whenFold_thenVersionOneCreatedAndUpdatedAtItsOccurrence() {
    RecordedEvent created = new RecordedEvent(1, "e-1", CREATED_AT, CREATED);

    Order order = Order.fold(ORDER_ID, List.of(created));

    assertThat(order.version()).isEqualTo(1);
    assertThat(order.createdAt()).isEqualTo(CREATED_AT);
    assertThat(order.updatedAt()).isEqualTo(CREATED_AT);
  }

  @Test
  void givenNewOrder_whenApplyEventOutOfSequence_thenRefused() {
    Order initial = Order.initial(ORDER_ID);

    assertThatThrownBy(() -> initial.apply(recorded(2, CREATED)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at version 0 cannot take event 2");
  }

  @Test
  void givenExistingOrder_whenApplyEventWithItsOwnVersionAgain_thenRefused() {
    Order order = createdOrder();

    assertThatThrownBy(() -> order.apply(recorded(1, CREATED)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenFoldedOrder_whenItsItemsAreModified_thenRefused() {
    Order order = createdOrder();

    assertThatThrownBy(() -> order.items().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // --- No event is forgotten -------------------------------------------------------------------

  @Test
  void everyPermittedEventHasAnEventType() {
    Set<Class<?>> typed =
        Arrays.stream(EventType.values()).map(EventType::javaType).collect(Collectors.toSet());

    assertThat(OrderEvent.class.getPermittedSubclasses())
        .isNotEmpty()
        .allSatisfy(event -> assertThat(typed).as("EventType entry for %s", event).contains(event));
  }

  @Test
  void everyEventTypeNamesAPermittedEvent() {
    assertThat(EventType.values())
        .extracting(EventType::javaType)
        .allSatisfy(type -> assertThat(OrderEvent.class.getPermittedSubclasses()).contains(type));
  }

  @Test
  void everyPermittedEventIsHandledByEvolve() {
    for (Class<?> eventClass : OrderEvent.class.getPermittedSubclasses()) {
      OrderEvent event = (OrderEvent) sample(eventClass);

      assertThatCode(() -> Order.evolve(Order.initial(ORDER_ID), event))
          .as("evolve must handle %s", eventClass.getSimpleName())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void everyPermittedEventIsKnownToJacksonByItsWireName() {
    Map<Class<?>, String> jsonNames =
        Arrays.stream(OrderEvent.class.getAnnotation(JsonSubTypes.class).value())
            .collect(Collectors.toMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));

    for (Class<?> eventClass : OrderEvent.class.getPermittedSubclasses()) {
      OrderEvent event = (OrderEvent) sample(eventClass);
      assertThat(jsonNames)
          .as("@JsonSubTypes name of %s", eventClass.getSimpleName())
          .containsEntry(eventClass, EventType.of(event).wireName());
    }
  }

  // --- EventType ---------------------------------------------------------------------------------

  @Test
  void eventTypeWireNamesAreUnique() {
    assertThat(EventType.values()).extracting(EventType::wireName).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void eventTypeIsFoundByItsWireName(EventType type) {
    assertThat(EventType.byWireName(type.wireName())).contains(type);
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void eventTypeHasAPositiveSchemaVersion(EventType type) {
    assertThat(type.schemaVersion()).isPositive();
  }

  @Test
  void unknownWireNameHasNoEventType() {
    assertThat(EventType.byWireName("OrderCreated")).isEqualTo(Optional.empty());
  }

  @Test
  void eventTypeOfAnEventIsItsEntry() {
    assertThat(EventType.of(CREATED)).isEqualTo(EventType.ORDER_CREATED);
    assertThat(EventType.ORDER_CREATED.wireName()).isEqualTo("order-created");
  }

  private static final Map<Class<?>, Function<Type, Object>> SIMPLE_SAMPLES =
      Map.of(
          String.class,
          t -> "sample",
          BigDecimal.class,
          t -> new BigDecimal("1.00"),
          Instant.class,
          t -> CREATED_AT,
          int.class,
          t -> 1,
          long.class,
          t -> 1L,
          boolean.class,
          t -> true,
          List.class,
          t -> List.of(sample(((ParameterizedType) t).getActualTypeArguments()[0])));

  /**
   * A plausible instance of an event record, built from its components, so that a new event is
   * covered by the tests above without anyone writing a sample for it.
   */
  private static Object sample(Type type) {
    Class<?> raw =
        type instanceof Class<?> c ? c : (Class<?>) ((ParameterizedType) type).getRawType();
    if (SIMPLE_SAMPLES.containsKey(raw)) {
      return SIMPLE_SAMPLES.get(raw).apply(type);
    }
    if (raw.isEnum()) {
      return raw.getEnumConstants()[0];
    }
    if (raw.isRecord()) {
      RecordComponent[] components = raw.getRecordComponents();
      Class<?>[] types =
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      Object[] args = Arrays.stream(components).map(c -> sample(c.getGenericType())).toArray();
      try {
        Constructor<?> canonical = raw.getDeclaredConstructor(types);
        return canonical.newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("cannot build a sample " + raw.getSimpleName(), e);
      }
    }
    throw new AssertionError(
        "teach OrderTest.sample to build a " + type.getTypeName() + " (used by an event)");
  }
}
