package io.onair.rtmp.amf;

import static io.onair.rtmp.amf.Amf0CodecTest.ROOMY;
import static io.onair.rtmp.amf.Amf0CodecTest.hex;
import static io.onair.rtmp.amf.Amf0Vectors.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.rtmp.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Amf3CodecTest {

  private final Amf3Decoder decoder = new Amf3Decoder(ROOMY);
  private final Amf3Encoder encoder = new Amf3Encoder();

  @Test
  void anObjectReferenceIsTheInstanceItRefersTo() {
    List<AmfValue> values = decode("0C 03 FF  0C 00");
    assertThat(values.get(1)).isSameAs(values.get(0));
  }

  @Test
  void unsupportedGoesAsUndefined() {
    assertThat(hex(encoder.encodeAll(AmfUnsupported.INSTANCE))).isEqualTo("00");
  }

  @Test
  void decodeReadsOneValueWithTablesOfItsOwn() {
    ByteBuffer payload = ByteBuffer.wrap(AnnotatedHex.parse("06 03 'a'  06 00"));
    assertThat(decoder.decode(payload)).isEqualTo(str("a"));
    assertThat(payload.position()).isEqualTo(3);
    assertThatThrownBy(() -> decoder.decode(payload))
        .isExactlyInstanceOf(ProtocolException.class)
        .hasMessage("AMF3 string reference 0: out of range: the message has 0 so far");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0D | AMF3 marker 0x0D: vector-int is not supported: no RTMP command carries one",
        "0E | AMF3 marker 0x0E: vector-uint is not supported: no RTMP command carries one",
        "0F | AMF3 marker 0x0F: vector-double is not supported: no RTMP command carries one",
        "10 | AMF3 marker 0x10: vector-object is not supported: no RTMP command carries one",
        "11 | AMF3 marker 0x11: dictionary is not supported: no RTMP command carries one",
        "12 | AMF3 marker 0x12: unknown",
        "0A 07 07 'Foo' | AMF3 externalizable class Foo: not supported: only the class itself"
            + " can read its body",
        "0A 13 01 01 | AMF3 sealed member name \"\": empty, not supported",
        "04 FF FF | AMF3 integer size 1: exceeds the 0 bytes left",
        "09 01 03 'a' 09 00 01 | AMF3 object reference 0: points to an enclosing value:"
            + " cycles are not supported",
      })
  void refuses(String hex, String message) {
    assertThatThrownBy(() -> decode(hex))
        .isExactlyInstanceOf(ProtocolException.class)
        .hasMessage(message);
  }

  @Test
  void aTypedObjectWithDynamicMembersEncodesThemSealed() {
    AmfValue decoded = decode("0A 1B 0B 'Point' 03 'x' 04 01  03 'z' 04 09  01").get(0);
    assertThat(hex(encoder.encodeAll(decoded)))
        .isEqualTo(hex("0A 23 0B 'Point' 03 'x' 03 'z'  04 01 04 09"));
  }

  private List<AmfValue> decode(String annotatedHex) {
    return decoder.decodeAll(ByteBuffer.wrap(AnnotatedHex.parse(annotatedHex)));
  }
}
