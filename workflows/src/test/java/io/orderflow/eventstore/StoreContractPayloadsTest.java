package io.orderflow.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.orderflow.order.Order;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The append's input and result cross Temporal as JSON that running workflows recorded before the
 * tables revision existed: those payloads must still read, with the revision unknown (null) or 0.
 */
class StoreContractPayloadsTest {
  private static final DataConverter JSON = DefaultDataConverter.STANDARD_INSTANCE;
  private static final String HASH = "a".repeat(64);

  @Test
  void givenAnAppendResultRecordedBeforeTheRevision_whenRead_thenItsRevisionIsZero() {
    AppendResult result =
        read(
            "{\"orderId\":\"o-1\",\"firstVersion\":2,\"lastVersion\":2,\"hash\":\"" + HASH + "\"}",
            AppendResult.class);

    assertThat(result).isEqualTo(new AppendResult("o-1", 2, 2, HASH, 0));
  }

  @Test
  void givenACommitScheduledBeforeTheRevision_whenRead_thenItsRevisionIsUnknown() {
    NewCommit commit =
        read(
            "{\"orderId\":\"o-1\",\"expectedVersion\":1,\"commitId\":\"c-1\",\"prevHash\":\""
                + HASH
                + "\",\"events\":[],\"metadata\":null}",
            NewCommit.class);

    assertThat(commit.tablesRevision()).isNull();
    assertThat(commit.expectedVersion()).isEqualTo(1);
  }

  @Test
  void givenACommitWithARevision_whenSentAndRead_thenTheRevisionArrives() {
    NewCommit sent = new NewCommit("o-1", 1, "c-1", HASH, List.of(), null, 3L);

    assertThat(roundTrip(sent, NewCommit.class)).isEqualTo(sent);
  }

  @Test
  void givenAResultWithARevision_whenSentAndRead_thenTheRevisionArrives() {
    AppendResult sent = new AppendResult("o-1", 2, 2, HASH, 3);

    assertThat(roundTrip(sent, AppendResult.class)).isEqualTo(sent);
  }

  @Test
  void givenALoadedOrder_whenSentAndRead_thenStateHashAndRevisionArrive() {
    LoadedOrder sent = new LoadedOrder(Order.initial("o-1"), NewCommit.GENESIS_HASH, 2);

    assertThat(roundTrip(sent, LoadedOrder.class)).isEqualTo(sent);
  }

  private static <T> T read(String json, Class<T> type) {
    Payload payload =
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
            .setData(ByteString.copyFromUtf8(json))
            .build();
    return JSON.fromPayload(payload, type, type);
  }

  private static <T> T roundTrip(T value, Class<T> type) {
    Optional<Payload> payload = JSON.toPayload(value);
    return JSON.fromPayload(payload.orElseThrow(), type, type);
  }
}
