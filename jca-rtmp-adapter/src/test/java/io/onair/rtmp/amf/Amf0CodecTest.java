package io.onair.rtmp.amf;

import static io.onair.rtmp.amf.Amf0Vectors.num;
import static io.onair.rtmp.amf.Amf0Vectors.obj;
import static io.onair.rtmp.amf.Amf0Vectors.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.rtmp.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Amf0CodecTest {

  static final AmfLimits ROOMY = new AmfLimits(32, 1 << 20, 4_096);

  private final Amf0Decoder decoder = new Amf0Decoder(ROOMY);
  private final Amf0Encoder encoder = new Amf0Encoder(Amf0Encoder.Repeats.REFERENCE);

  @Test
  void aReferenceIsTheInstanceItRefersTo() {
    List<AmfValue> values = decode("0A 00000002  03 0000 09  07 0001");
    List<AmfValue> elements = ((AmfStrictArray) values.get(0)).values();
    assertThat(elements.get(1)).isSameAs(elements.get(0));
  }

  @Test
  void theDefaultEncoderWritesARepeatInFull() {
    AmfObject shared = obj("a", num(1));
    byte[] encoded = new Amf0Encoder().encodeAll(AmfStrictArray.of(shared, shared));
    assertThat(hex(encoded))
        .isEqualTo(hex("0A 00000002" + " 03 0001 'a' 00 3FF0000000000000 0000 09".repeat(2)));
  }

  @Test
  void anAmf3IntegerGoesAsANumber() {
    assertThat(hex(new Amf0Encoder().encodeAll(new AmfInteger(-2))))
        .isEqualTo(hex("00 C000000000000000"));
  }

  @Test
  void aStringOf65535BytesIsStillAString() {
    byte[] encoded = new Amf0Encoder().encodeAll(str("b".repeat(65_535)));
    assertThat(hex(encoded).substring(0, 6)).isEqualTo("02ffff");
  }

  @Test
  void encodeAllAppendsToTheOutput() {
    AmfOutput out = new AmfOutput(1);
    out.writeByte(0x00); // the AMF3 command message prefix
    encoder.encodeAll(List.of(str("play"), num(0)), out);
    assertThat(hex(out.toByteArray())).isEqualTo(hex("00  02 0004 'play'  00 0000000000000000"));
    assertThat(out.asReadOnlyBuffer().remaining()).isEqualTo(out.size());
  }

  @Test
  void decodeReadsOneValueAndMovesPastIt() {
    ByteBuffer payload = ByteBuffer.wrap(AnnotatedHex.parse("02 0001 'a'  05"));
    assertThat(decoder.decode(payload)).isEqualTo(str("a"));
    assertThat(payload.position()).isEqualTo(4);
    assertThat(decoder.decode(payload)).isEqualTo(AmfNull.INSTANCE);
    assertThat(payload.hasRemaining()).isFalse();
  }

  @Test
  void decodeAllReadsFromPositionToLimitOfADirectBuffer() {
    byte[] bytes = AnnotatedHex.parse("FF  02 0001 'a'  00 3FF0000000000000  FF");
    ByteBuffer payload = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.LITTLE_ENDIAN);
    payload.put(bytes).position(1).limit(bytes.length - 1);
    assertThat(decoder.decodeAll(payload)).containsExactly(str("a"), num(1));
    assertThat(payload.position()).isEqualTo(bytes.length - 1);
    assertThat(payload.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "04 | AMF0 marker 0x04: movieclip is reserved, not supported",
        "0E | AMF0 marker 0x0E: recordset is reserved, not supported",
        "09 | AMF0 marker 0x09: object-end outside an object",
        "12 | AMF0 marker 0x12: unknown",
        "FF | AMF0 marker 0xFF: unknown",
        "03 0000 05 | AMF0 object-end marker 0x05: must follow an empty name",
        "00 3FF0 | AMF0 number size 8: exceeds the 2 bytes left",
        "02 012C 000102030405060708090A0B | AMF0 string length 300: exceeds the 12 bytes left",
        "0B 4278CC251F400000 00 | AMF0 date time-zone size 2: exceeds the 1 bytes left",
      })
  void refuses(String hex, String message) {
    assertThatThrownBy(() -> decode(hex))
        .isExactlyInstanceOf(ProtocolException.class)
        .hasMessage(message);
  }

  @Test
  void eachAvmplusValueHasAmf3TablesOfItsOwn() {
    assertThatThrownBy(() -> decode("11 06 05 'ab'  11 06 00"))
        .isExactlyInstanceOf(ProtocolException.class)
        .hasMessage("AMF3 string reference 0: out of range: the message has 0 so far");
  }

  @Test
  void theRefusedMarkerIsNamedByTheException() {
    assertThatThrownBy(() -> decode("04"))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> {
              assertThat(e.field()).isEqualTo("AMF0 marker");
              assertThat(e.value()).isEqualTo("0x04");
            });
  }

  @Test
  void aClassNamePastU16IsOurBugNotThePeers() {
    AmfObject typed = new AmfProperties().toTypedObject("c".repeat(70_000));
    assertThatThrownBy(() -> encoder.encodeAll(typed))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70000 bytes");
  }

  private List<AmfValue> decode(String annotatedHex) {
    return decoder.decodeAll(ByteBuffer.wrap(AnnotatedHex.parse(annotatedHex)));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static String hex(String annotatedHex) {
    return hex(AnnotatedHex.parse(annotatedHex));
  }
}
