package io.onair.rtmp.amf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmfOutputTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ascii",
        "\u00e9\u07ff\u0800\uffff",
        "\ud83d\ude00 pair",
        "lone high \ud83d",
        "\ude00 lone low",
        "\ud83d\ud83d\ude00 high before a pair",
      })
  void utf8IsWhatStringGetBytesGives(String text) {
    byte[] expected = text.getBytes(StandardCharsets.UTF_8);
    AmfOutput out = new AmfOutput(1);
    assertThat(AmfOutput.utf8Length(text)).isEqualTo(expected.length);
    out.writeUtf8(text, AmfOutput.utf8Length(text));
    assertThat(out.toByteArray()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0x2000_0000})
  void aU29OutOfRangeIsOurBug(int value) {
    assertThatThrownBy(() -> new AmfOutput().writeU29(value))
        .isExactlyInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 300})
  void resetStartsOverAndTheBufferGrows(int size) {
    AmfOutput out = new AmfOutput(1);
    out.writeByte(7);
    out.reset();
    for (int i = 0; i < size; i++) {
      out.writeByte(i);
    }
    assertThat(out.size()).isEqualTo(size);
    assertThat(out.asReadOnlyBuffer().remaining()).isEqualTo(size);
  }
}
