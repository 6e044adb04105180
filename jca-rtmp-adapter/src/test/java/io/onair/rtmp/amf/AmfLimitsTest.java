package io.onair.rtmp.amf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.rtmp.protocol.ProtocolException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmfLimitsTest {

  private static final AmfLimits TIGHT = new AmfLimits(4, 16, 8);
  private static final AmfLimits UNBOUNDED =
      new AmfLimits(AmfLimits.DEPTH_CEILING, Integer.MAX_VALUE, Integer.MAX_VALUE);

  @Test
  void depthUnderAndAtTheLimitDecodes() {
    assertThat(amf0(TIGHT, amf0Nested(3))).hasSize(1);
    assertThat(amf0(TIGHT, amf0Nested(4))).hasSize(1);
    assertThat(amf3(TIGHT, amf3Nested(3))).hasSize(1);
    assertThat(amf3(TIGHT, amf3Nested(4))).hasSize(1);
  }

  @Test
  void theDeepestAllowedNestingFitsTheStack() {
    int deepest = AmfLimits.DEPTH_CEILING;
    assertThat(amf0(UNBOUNDED, amf0Nested(deepest))).hasSize(1);
    assertThat(amf3(UNBOUNDED, amf3Nested(deepest))).hasSize(1);
    assertThat(amf0(UNBOUNDED, "0A 00000001 ".repeat(deepest) + "05")).hasSize(1);
  }

  @Test
  void depthOverTheLimitIsRefused() {
    assertRefused(() -> amf0(TIGHT, amf0Nested(5)), "AMF0 nesting depth 5: exceeds the limit of 4");
    assertRefused(() -> amf3(TIGHT, amf3Nested(5)), "AMF3 nesting depth 5: exceeds the limit of 4");
    assertRefused(
        () -> amf0(TIGHT, "0A 00000001 ".repeat(5) + "05"),
        "AMF0 nesting depth 5: exceeds the limit of 4");
  }

  @Test
  void depthCountsOnAcrossTheSwitchToAmf3() {
    String twoInAmf3 = "11 0A 0B 01 03 'a' 0A 01 00 01 01 01";
    String oneInAmf3 = "11 0A 0B 01 03 'a' 01 01";
    String threeInAmf0 = "03 0001 'a' ".repeat(3) + "%s" + " 0000 09".repeat(3);
    assertThat(amf0(TIGHT, threeInAmf0.formatted(oneInAmf3))).hasSize(1);
    assertRefused(
        () -> amf0(TIGHT, threeInAmf0.formatted(twoInAmf3)),
        "AMF3 nesting depth 5: exceeds the limit of 4");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "02 0010 '0123456789abcdef' | 02 0011 '0123456789abcdefg' | AMF0 string length 17",
        "0F 00000010 '0123456789abcdef' | 0F 00000011 '0123456789abcdefg'"
            + " | AMF0 xml-document length 17",
        "03 0010 '0123456789abcdef' 05 0000 09 | 03 0011 '0123456789abcdefg' 05 0000 09"
            + " | AMF0 property-name length 17",
      })
  void amf0TextAtTheLimitDecodesAndOverIsRefused(String at, String over, String field) {
    assertThat(amf0(TIGHT, at)).hasSize(1);
    assertRefused(() -> amf0(TIGHT, over), field + ": exceeds the limit of 16");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "06 21 '0123456789abcdef' | 06 23 '0123456789abcdefg' | AMF3 string length 17",
        "0B 21 '0123456789abcdef' | 0B 23 '0123456789abcdefg' | AMF3 xml length 17",
        "0C 21 '0123456789abcdef' | 0C 23 '0123456789abcdefg' | AMF3 byte-array length 17",
      })
  void amf3TextAtTheLimitDecodesAndOverIsRefused(String at, String over, String field) {
    assertThat(amf3(TIGHT, at)).hasSize(1);
    assertRefused(() -> amf3(TIGHT, over), field + ": exceeds the limit of 16");
  }

  @Test
  void aLongStringOf4GiBFailsOnTheLimit() {
    assertRefused(
        () -> amf0(AmfLimits.defaults(), "0C FFFFFFFF 'ab'"),
        "AMF0 long-string length 4294967295: exceeds the limit of 65535");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AMF0 | 0C 7FFFFFFF 'ab' | AMF0 long-string length 2147483647: exceeds the 2 bytes left",
        "AMF0 | 0A 7FFFFFFF 05 | AMF0 strict-array count 2147483647: exceeds the 1 bytes left",
        "AMF3 | 06 FFFFFFFF | AMF3 string length 268435455: exceeds the 0 bytes left",
        "AMF3 | 0C FFFFFFFF 00 | AMF3 byte-array length 268435455: exceeds the 1 bytes left",
        "AMF3 | 09 FFFFFFFF 01 | AMF3 array dense count 268435455: exceeds the 1 bytes left",
        "AMF3 | 0A FFFFFFFB 01 | AMF3 sealed member count 33554431: exceeds the 1 bytes left",
      })
  void aHugeDeclaredSizeWithFewBytesFailsWithoutAllocating(
      AmfFormat format, String hex, String message) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    assertRefused(() -> decode(format, UNBOUNDED, hex), message);
    assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(1 << 20);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AMF0 | 07 0000 | AMF0 object reference 0: out of range: the message has 0 so far",
        "AMF0 | 03 0000 09  07 0001 | AMF0 object reference 1: out of range: the message has 1 so far",
        "AMF0 | 03 0001 'a' 07 0000 0000 09 | AMF0 object reference 0: points to an enclosing value:"
            + " cycles are not supported",
        "AMF3 | 06 03 'a'  06 02 | AMF3 string reference 1: out of range: the message has 1 so far",
        "AMF3 | 0A 00 | AMF3 object reference 0: out of range: the message has 0 so far",
        "AMF3 | 08 02 | AMF3 object reference 1: out of range: the message has 0 so far",
        "AMF3 | 0A 05 | AMF3 traits reference 1: out of range: the message has 0 so far",
      })
  void aReferenceOutOfRangeIsRefused(AmfFormat format, String hex, String message) {
    AmfLimits limits = AmfLimits.defaults();
    assertRefused(() -> decode(format, limits, hex), message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AMF0 | 0A 00000009 | AMF0 strict-array count 9: exceeds the limit of 8",
        "AMF0 | 03 | AMF0 member count 9: exceeds the limit of 8",
        "AMF0 | 0A 00000008 | AMF0 object reference table size 9: exceeds the limit of 8",
        "AMF3 | 09 13 | AMF3 array dense count 9: exceeds the limit of 8",
        "AMF3 | 09 0B | AMF3 member count 9: exceeds the limit of 8",
        "AMF3 | 0A 81 1B | AMF3 sealed member count 9: exceeds the limit of 8",
        "AMF3 | 09 11 | AMF3 string reference table size 9: exceeds the limit of 8",
      })
  void tooManyElementsAreRefused(AmfFormat format, String head, String message) {
    String body =
        switch (head) {
          case "03" -> nineMembers("0001", "05") + "0000 09";
          case "0A 00000008" -> "03 0000 09 ".repeat(9);
          case "09 0B" -> nineMembers("03", "03") + "01 " + "01 ".repeat(5);
          case "09 11" -> "01 " + nineStrings();
          default -> "01 ".repeat(9);
        };
    AmfLimits limits = new AmfLimits(4, 16, 8);
    String hex = head + " " + body;
    assertRefused(() -> decode(format, limits, hex), message);
  }

  @Test
  void limitsMustBePositiveAndTheDepthBounded() {
    assertThatThrownBy(() -> new AmfLimits(0, 1, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDepth must be at least 1, was 0");
    assertThatThrownBy(() -> new AmfLimits(1025, 1, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDepth must be at most 1024, was 1025");
  }

  /**
   * Members "a" to "i", each name after its length {@code lengthHex}, each valued {@code value}.
   */
  private static String nineMembers(String lengthHex, String value) {
    StringBuilder hex = new StringBuilder();
    for (char name = 'a'; name <= 'i'; name++) {
      hex.append(lengthHex).append(" '").append(name).append("' ").append(value).append(' ');
    }
    return hex.toString();
  }

  /**
   * AMF3 strings "a" to "i": eight fill a dense array of eight, the ninth follows it in the same
   * message and so overflows the string table.
   */
  private static String nineStrings() {
    return nineMembers("06 03", "").replace("  ", " ");
  }

  static String amf0Nested(int depth) {
    return "03 0001 'a' ".repeat(depth) + "05 " + "0000 09 ".repeat(depth);
  }

  static String amf3Nested(int depth) {
    return "0A 0B 01 03 'a' " + "0A 01 00 ".repeat(depth - 1) + "01 " + "01 ".repeat(depth);
  }

  private static List<AmfValue> amf0(AmfLimits limits, String hex) {
    return decode(AmfFormat.AMF0, limits, hex);
  }

  private static List<AmfValue> amf3(AmfLimits limits, String hex) {
    return decode(AmfFormat.AMF3, limits, hex);
  }

  private static List<AmfValue> decode(AmfFormat format, AmfLimits limits, String hex) {
    return format.decoder(limits).decodeAll(ByteBuffer.wrap(AnnotatedHex.parse(hex)));
  }

  private static void assertRefused(Supplier<?> decode, String message) {
    assertThatThrownBy(decode::get)
        .isExactlyInstanceOf(ProtocolException.class)
        .hasMessage(message);
  }
}
