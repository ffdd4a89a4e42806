package io.orderflow.bench.baseline;

public class NoopActivityImpl implements NoopActivity {
  @Override
  public String echo(NoopInput input) {
    return input.value();
  }
}
