package io.orderflow.eventstore.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The index keys an append writes are written by hand for speed; they must be exactly the text the
 * format patterns they replaced give, or the explorer's ranges and the stored keys would disagree.
 */
class CommitItemsKeysTest {
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);
  // 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the years written by hand.
  private static final long YEAR_1 = -62_135_596_800L;
  private static final long YEAR_9999_END = 253_402_300_799L;

  @Property(tries = 2000)
  void sortableTimeIsThePatternsText(
      @ForAll @LongRange(min = YEAR_1 - 100_000, max = YEAR_9999_END + 100_000) long seconds,
      @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
    Instant instant = Instant.ofEpochSecond(seconds, nanos);

    assertThat(CommitItems.sortableTime(instant)).isEqualTo(SORTABLE.format(instant));
  }

  @Property(tries = 500)
  void timeKeyIsThePatternsTextAndTheZeroPaddedVersion(
      @ForAll @LongRange(min = 0, max = 4_102_444_800L) long seconds,
      @ForAll @LongRange(min = 0, max = 999_999_999) long nanos,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long version) {
    Instant at = Instant.ofEpochSecond(seconds, nanos);
    String orderId = UUID.randomUUID().toString();

    assertThat(CommitItems.timeKey(at, orderId, version))
        .isEqualTo(SORTABLE.format(at) + "#" + orderId + "#" + String.format("%019d", version));
  }

  @Property(tries = 500)
  void timeBucketIsTheHourPatternAndTheTwoDigitShard(
      @ForAll @LongRange(min = YEAR_1 - 100_000, max = YEAR_9999_END + 100_000) long seconds) {
    Instant at = Instant.ofEpochSecond(seconds, 123_000_000);
    String orderId = UUID.randomUUID().toString();
    StoredCommit commit = commitAt(orderId, at);

    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item =
        CommitItems.toItem(commit);

    String shard = String.format("%02d", Math.floorMod(orderId.hashCode(), 8));
    assertThat(item.get(CommitItems.TIME_BUCKET).s()).isEqualTo(HOUR.format(at) + "#" + shard);
    assertThat(item.get(CommitItems.UNPUBLISHED).s()).isEqualTo(shard);
  }

  @Test
  @DisplayName("the edges of the years written by hand, and the years beyond them, read alike")
  void edgesOfTheHandWrittenYears() {
    for (String text :
        new String[] {
          "0001-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999999999Z",
          "0000-12-31T23:59:59Z",
          "+10000-01-01T00:00:00Z",
          "2026-11-26T10:15:30Z"
        }) {
      Instant at = Instant.parse(text);
      assertThat(CommitItems.sortableTime(at)).as(text).isEqualTo(SORTABLE.format(at));
    }
    assertThat(CommitItems.sortableTime(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000000000Z");
  }

  private static StoredCommit commitAt(String orderId, Instant at) {
    StoredEvent event = new StoredEvent(1, "e-1", "order-confirmed", 1, at, "{}");
    return new StoredCommit(
        orderId,
        1,
        1,
        "c-1",
        java.util.List.of(event),
        new io.orderflow.eventstore.CommitMetadata(null, null, null, null),
        at,
        "",
        "h",
        true);
  }
}
