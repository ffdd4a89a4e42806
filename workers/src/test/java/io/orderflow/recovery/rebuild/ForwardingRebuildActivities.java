package io.orderflow.recovery.rebuild;

/** Rebuild activities that pass every call on; tests override one step to hold or watch it. */
class ForwardingRebuildActivities implements ProjectionRebuildActivities {
  private final ProjectionRebuildActivities real;

  ForwardingRebuildActivities(ProjectionRebuildActivities real) {
    this.real = real;
  }

  @Override
  public ProjectionState inspect(String projection) {
    return real.inspect(projection);
  }

  @Override
  public void createGeneration(GenerationRequest request) {
    real.createGeneration(request);
  }

  @Override
  public Announced startBuilding(BuildingRequest request) {
    return real.startBuilding(request);
  }

  @Override
  public SegmentRebuilt rebuildSegment(SegmentRequest request) {
    return real.rebuildSegment(request);
  }

  @Override
  public CaughtUp catchUp(CatchUpRequest request) {
    return real.catchUp(request);
  }

  @Override
  public Swapped swap(SwapRequest request) {
    return real.swap(request);
  }

  @Override
  public void stopBuilding(GenerationRequest request) {
    real.stopBuilding(request);
  }

  @Override
  public void dropGeneration(GenerationRequest request) {
    real.dropGeneration(request);
  }

  /** Blocks, heartbeating (which throws once the workflow is cancelled), until released. */
  static void hold(java.util.concurrent.CountDownLatch release) {
    var context = io.temporal.activity.Activity.getExecutionContext();
    long until = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    while (release.getCount() > 0 && System.nanoTime() < until) {
      context.heartbeat(null);
      try {
        release.await(100, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
