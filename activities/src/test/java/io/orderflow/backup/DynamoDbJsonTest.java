package io.orderflow.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbJsonTest {

  private static final Map<String, AttributeValue> EVERY_TYPE =
      Map.ofEntries(
          Map.entry("s", AttributeValue.fromS("héllo \"quoted\"")),
          Map.entry("n", AttributeValue.fromN("12345678901234567890.000000000000000001")),
          Map.entry("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, -2, 127}))),
          Map.entry("bool", AttributeValue.fromBool(false)),
          Map.entry("nul", AttributeValue.fromNul(true)),
          Map.entry(
              "l",
              AttributeValue.fromL(
                  List.of(
                      AttributeValue.fromS("a"),
                      AttributeValue.fromN("1"),
                      AttributeValue.fromL(List.of())))),
          Map.entry(
              "m",
              AttributeValue.fromM(
                  Map.of("inner", AttributeValue.fromM(Map.of("x", AttributeValue.fromN("-3")))))),
          Map.entry("ss", AttributeValue.fromSs(List.of("a", "b"))),
          Map.entry("ns", AttributeValue.fromNs(List.of("1", "2.5"))),
          Map.entry(
              "bs",
              AttributeValue.fromBs(
                  List.of(SdkBytes.fromUtf8String("x"), SdkBytes.fromByteArray(new byte[] {-1})))));

  @Test
  @DisplayName("an item with every attribute type survives a round trip unchanged")
  void roundTripsEveryType() {
    assertThat(DynamoDbJson.parse(DynamoDbJson.write(EVERY_TYPE))).isEqualTo(EVERY_TYPE);
  }

  @Test
  @DisplayName("an export line wraps the item in {\"Item\":...} and reads back the same")
  void roundTripsAnExportLine() {
    String line = DynamoDbJson.line(EVERY_TYPE);

    assertThat(line).startsWith("{\"Item\":{");
    assertThat(DynamoDbJson.parseLine(line)).isEqualTo(EVERY_TYPE);
  }

  @Test
  @DisplayName("the written form is DynamoDB's: numbers as strings, binary as base64")
  void writesDynamoDbsOwnTypeTags() {
    String json =
        DynamoDbJson.write(
            Map.of(
                "n", AttributeValue.fromN("7"),
                "b", AttributeValue.fromB(SdkBytes.fromUtf8String("hi")),
                "z", AttributeValue.fromNul(true)));

    assertThat(json)
        .contains("\"n\":{\"N\":\"7\"}", "\"b\":{\"B\":\"aGk=\"}", "\"z\":{\"NULL\":true}");
  }

  @Test
  @DisplayName("a line that AWS wrote reads into SDK attribute values")
  void readsAnAwsExportLine() {
    String aws =
        "{\"Item\":{\"orderId\":{\"S\":\"o-1\"},\"version\":{\"N\":\"3\"},"
            + "\"tags\":{\"SS\":[\"x\"]},\"data\":{\"M\":{\"ok\":{\"BOOL\":true}}}}}";

    Map<String, AttributeValue> item = DynamoDbJson.parseLine(aws);

    assertThat(item.get("orderId").s()).isEqualTo("o-1");
    assertThat(item.get("version").n()).isEqualTo("3");
    assertThat(item.get("tags").ss()).containsExactly("x");
    assertThat(item.get("data").m().get("ok").bool()).isTrue();
  }

  @Test
  @DisplayName("a value with no or two type tags is refused")
  void refusesAmbiguousValues() {
    assertThatThrownBy(() -> DynamoDbJson.parse("{\"a\":{\"S\":\"x\",\"N\":\"1\"}}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DynamoDbJson.parse("{\"a\":{\"Q\":\"x\"}}"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
