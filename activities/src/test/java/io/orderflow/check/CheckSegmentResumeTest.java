package io.orderflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.recovery.check.CheckSettings;
import io.orderflow.recovery.check.ConsistencyCheckActivities;
import io.orderflow.recovery.check.FindingKind;
import io.orderflow.recovery.check.SegmentCheck;
import io.orderflow.recovery.check.SegmentCheckRequest;
import io.orderflow.testing.Commits;
import io.orderflow.testing.StoreFixture;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A segment's scan resumed from its last heartbeat, as a retry after a crashed worker does: it
 * carries on after the last order it had finished and ends with the same counts as a scan that
 * never stopped, no order checked twice.
 */
class CheckSegmentResumeTest {
  static final int ORDERS = 6;

  final StoreFixture fixture = new StoreFixture();
  final DynamoDbEventStore store = fixture.store();
  final DynamoDbConsistencyCheckActivities activities =
      new DynamoDbConsistencyCheckActivities(
          fixture.dynamo,
          fixture.tables,
          new OrderSummaryProjection(fixture.dynamo, fixture.tables),
          new EventCodec(),
          new CheckVerdicts(fixture.dynamo, fixture.tables),
          new ConsistencyGauges(
              new CheckVerdicts(fixture.dynamo, fixture.tables),
              Clock.systemUTC(),
              fixture.meters,
              false),
          new CheckSettings(1, 0));
  final List<TestActivityEnvironment> envs = new ArrayList<>();

  @AfterEach
  void close() {
    envs.forEach(TestActivityEnvironment::close);
    fixture.close();
  }

  @Test
  @DisplayName("a scan resumed from its heartbeat ends with the counts of one that never stopped")
  void resumedScanCountsEachOrderOnce() {
    for (int i = 0; i < ORDERS; i++) {
      store.append(Commits.orderCreated(UUID.randomUUID().toString()));
    }
    // never published and never projected: two findings per order, carried in the heartbeat
    SegmentCheckRequest request =
        new SegmentCheckRequest(0, 1, Instant.now().plusSeconds(60).toString());
    List<DynamoDbConsistencyCheckActivities.Checkpoint> beats = new ArrayList<>();

    TestActivityEnvironment first = environment();
    first.setActivityHeartbeatListener(
        DynamoDbConsistencyCheckActivities.Checkpoint.class, beats::add);
    SegmentCheck whole = stub(first).checkSegment(request);
    DynamoDbConsistencyCheckActivities.Checkpoint last = beats.get(beats.size() - 1);

    TestActivityEnvironment retry = environment();
    retry.setHeartbeatDetails(last);
    SegmentCheck resumed = stub(retry).checkSegment(request);

    assertThat(whole.orders()).isEqualTo(ORDERS);
    assertThat(whole.counts())
        .containsEntry(FindingKind.STALE_UNPUBLISHED, (long) ORDERS)
        .containsEntry(FindingKind.PROJECTION_MISSING, (long) ORDERS);
    assertThat(last.partial().orders()).isBetween(1L, ORDERS - 1L); // the scan stopped half-way
    assertThat(resumed.orders()).isEqualTo(whole.orders());
    assertThat(resumed.counts()).isEqualTo(whole.counts());
    assertThat(resumed.findings()).containsExactlyInAnyOrderElementsOf(whole.findings());
  }

  private TestActivityEnvironment environment() {
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(activities);
    envs.add(env);
    return env;
  }

  private static ConsistencyCheckActivities stub(TestActivityEnvironment env) {
    return env.newActivityStub(
        ConsistencyCheckActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(1))
            .setHeartbeatTimeout(Duration.ofSeconds(30))
            .build());
  }
}
