package io.orderflow.bench.baseline;

import io.temporal.activity.ActivityInterface;

/** An activity that does no work, so the baseline measures Temporal's own cost of one. */
@ActivityInterface
public interface NoopActivity {
  /** Returns the input's value unchanged. */
  String echo(NoopInput input);
}
