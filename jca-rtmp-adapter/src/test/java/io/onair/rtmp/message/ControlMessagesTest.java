package io.onair.rtmp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.rtmp.protocol.ProtocolException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Protocol control (RTMP 1.0 5.4) and user control (6.2) payloads, read and written. */
class ControlMessagesTest {

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  @Test
  void protocolControlMessagesAreFourByteBigEndianValuesOnStreamZero() {
    assertThat(ProtocolControl.setChunkSize(4096))
        .isEqualTo(new RtmpMessage(MessageType.SET_CHUNK_SIZE, 0, 0, hex("00001000")));
    assertThat(ProtocolControl.windowAcknowledgementSize(2_500_000).payload())
        .isEqualTo(hex("002625a0"));
    assertThat(ProtocolControl.acknowledgement(0xFFFF_FFFEL).payload()).isEqualTo(hex("fffffffe"));
    assertThat(ProtocolControl.abort(4).payload()).isEqualTo(hex("00000004"));
    assertThat(ProtocolControl.setPeerBandwidth(2_500_000, ProtocolControl.LimitType.DYNAMIC))
        .isEqualTo(new RtmpMessage(MessageType.SET_PEER_BANDWIDTH, 0, 0, hex("002625a0 02")));
  }

  @Test
  void protocolControlMessagesReadBackWhatWasWritten() {
    assertThat(ProtocolControl.chunkSize(ProtocolControl.setChunkSize(4096), 65_536))
        .isEqualTo(4096);
    assertThat(ProtocolControl.acknowledged(ProtocolControl.acknowledgement(0xFFFF_FFFEL)))
        .isEqualTo(0xFFFF_FFFEL);
    assertThat(ProtocolControl.windowSize(ProtocolControl.windowAcknowledgementSize(5_000_000)))
        .isEqualTo(5_000_000);
    assertThat(ProtocolControl.abortedChunkStream(ProtocolControl.abort(9))).isEqualTo(9);
  }

  @Test
  void userControlEventsHaveATwoByteTypeAndTheirData() {
    assertThat(UserControl.of(UserControl.Event.STREAM_BEGIN, 1).toMessage())
        .isEqualTo(new RtmpMessage(MessageType.USER_CONTROL, 0, 0, hex("0000 00000001")));
    assertThat(UserControl.of(UserControl.Event.PING_REQUEST, 123_456).toMessage().payload())
        .isEqualTo(hex("0006 0001e240"));
    assertThat(new UserControl(UserControl.Event.SET_BUFFER_LENGTH, 1, 3000).toMessage().payload())
        .isEqualTo(hex("0003 00000001 00000bb8"));
  }

  @Test
  void userControlEventsReadBack() {
    RtmpMessage setBuffer =
        new RtmpMessage(MessageType.USER_CONTROL, 0, 0, hex("0003 00000001 00000bb8"));
    assertThat(UserControl.decode(setBuffer))
        .isEqualTo(new UserControl(UserControl.Event.SET_BUFFER_LENGTH, 1, 3000));
    RtmpMessage pong = new RtmpMessage(MessageType.USER_CONTROL, 0, 0, hex("0007 0001e240"));
    assertThat(UserControl.decode(pong))
        .isEqualTo(UserControl.of(UserControl.Event.PING_RESPONSE, 123_456));
  }

  @Test
  void malformedControlPayloadsAreProtocolErrorsNamingTheField() {
    assertThatThrownBy(
            () ->
                UserControl.decode(
                    new RtmpMessage(MessageType.USER_CONTROL, 0, 0, hex("0005 00000001"))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("user control event type 5");
    assertThatThrownBy(
            () ->
                UserControl.decode(
                    new RtmpMessage(MessageType.USER_CONTROL, 0, 0, hex("0003 00000001"))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("set buffer length payload length 6");
    assertThatThrownBy(
            () ->
                ProtocolControl.acknowledged(
                    new RtmpMessage(MessageType.ACKNOWLEDGEMENT, 0, 0, hex("00"))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("Acknowledgement payload length 1");
  }

  @Test
  void unknownMessageTypeIdsAreRefusedAndKnownOnesFound() {
    assertThat(MessageType.of(20)).isEqualTo(MessageType.COMMAND_AMF0);
    assertThat(MessageType.SET_CHUNK_SIZE.isProtocolControl()).isTrue();
    assertThat(MessageType.USER_CONTROL.isProtocolControl()).isFalse();
    for (int id : new int[] {-1, 0, 7, 10, 21, 23, 255}) {
      assertThatThrownBy(() -> MessageType.of(id)).isInstanceOf(ProtocolException.class);
    }
  }
}
