package io.orderflow.order.workflow;

import io.orderflow.eventstore.ProjectionActivities;
import io.orderflow.order.Order;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A projection activity that remembers every state it was asked to project. */
final class RecordingProjection implements ProjectionActivities {
  private final List<Order> projected = new CopyOnWriteArrayList<>();

  @Override
  public void projectOrder(Order state) {
    projected.add(state);
  }

  List<Order> projected() {
    return List.copyOf(projected);
  }
}
