package io.onair.rtmp.handshake;

import static io.onair.rtmp.handshake.Transcript.bytes;
import static io.onair.rtmp.handshake.Transcript.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.rtmp.handshake.ReferenceClient.Kind;
import io.onair.rtmp.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerHandshakeTest {

  private static final long NOW = 0x1_2345_6789L;

  private final ServerHandshake handshake =
      new ServerHandshake(new Random(7), InstantSource.fixed(Instant.ofEpochMilli(NOW)));
  private final ReferenceClient client = ReferenceClient.of(Kind.PLAIN, new Random(1));

  @Test
  void aPlainC1GetsVersion3APlainS1AndItsOwnEchoThenC2Completes() {
    HandshakeStep step = handshake.feed(ByteBuffer.wrap(client.c0c1()));

    assertThat(step).isInstanceOf(HandshakeStep.Send.class);
    byte[] reply = bytes(((HandshakeStep.Send) step).bytes());
    assertThat(reply).hasSize(ReferenceClient.REPLY);
    assertThat(reply[0]).isEqualTo((byte) 3);
    byte[] s1 = ReferenceClient.s1(reply);
    assertThat(Arrays.copyOfRange(s1, 0, 4)).containsExactly(0x23, 0x45, 0x67, 0x89);
    assertThat(Arrays.copyOfRange(s1, 4, 8)).containsOnly(0);
    assertThat(ReferenceClient.s2(reply)).isEqualTo(client.c1());
    assertThat(handshake.state()).isEqualTo(ServerHandshake.State.AWAIT_C2);

    HandshakeStep last = handshake.feed(ByteBuffer.wrap(client.c2(s1, new Random(2))));

    assertThat(last).isEqualTo(new HandshakeStep.Done(ByteBuffer.allocate(0)));
    assertThat(handshake.state()).isEqualTo(ServerHandshake.State.DONE);
  }

  @Test
  void s1RandomBytesAreNotAllZero() {
    byte[] reply = bytes(((HandshakeStep.Send) handshake.feed(c0c1())).bytes());

    assertThat(Arrays.copyOfRange(reply, 9, 1 + ReferenceClient.PACKET))
        .isNotEqualTo(new byte[1528]);
  }

  @Test
  void thePartOfC1AtHandIsTakenAndMoreIsAskedFor() {
    ByteBuffer input = ByteBuffer.wrap(Arrays.copyOf(client.c0c1(), 700));

    assertThat(handshake.feed(input)).isEqualTo(HandshakeStep.NEED_MORE);
    assertThat(input.hasRemaining()).isFalse();
    assertThat(handshake.state()).isEqualTo(ServerHandshake.State.AWAIT_C0C1);
    assertThat(handshake.feed(ByteBuffer.allocate(0))).isEqualTo(HandshakeStep.NEED_MORE);
  }

  @Test
  void theBytesAfterC2AreLeftOverAndTheInputStopsAtTheEndOfC2() {
    handshake.feed(c0c1());
    byte[] next = {2, 0, 0, 0, 0, 0, 4, 1, 0, 0, 0, 0, 0, 0, 16, 0};
    ByteBuffer input = ByteBuffer.wrap(concat(new byte[ReferenceClient.PACKET], next));

    HandshakeStep step = handshake.feed(input);

    assertThat(step).isInstanceOf(HandshakeStep.Done.class);
    assertThat(bytes(((HandshakeStep.Done) step).leftover())).isEqualTo(next);
    assertThat(input.position()).isEqualTo(ReferenceClient.PACKET);
  }

  @Test
  void c0c1AndC2InOneBufferSendFirstThenCompleteOnTheNextFeed() {
    byte[] next = {1, 2, 3};
    ByteBuffer input =
        ByteBuffer.wrap(concat(client.c0c1(), new byte[ReferenceClient.PACKET], next));

    assertThat(handshake.feed(input)).isInstanceOf(HandshakeStep.Send.class);
    assertThat(input.position()).isEqualTo(1 + ReferenceClient.PACKET);
    HandshakeStep step = handshake.feed(input);

    assertThat(step).isEqualTo(new HandshakeStep.Done(ByteBuffer.wrap(next)));
  }

  @Test
  void stepsHandOutFreshReadOnlyViews() {
    HandshakeStep.Send send = (HandshakeStep.Send) handshake.feed(c0c1());

    assertThat(bytes(send.bytes())).isEqualTo(bytes(send.bytes()));
    assertThat(send.bytes().isReadOnly()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {6, 0, 255})
  void aC0VersionOtherThan3IsRefusedOnItsFirstByte(int version) {
    ByteBuffer c0 = ByteBuffer.wrap(new byte[] {(byte) version});

    assertThatThrownBy(() -> handshake.feed(c0))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> {
              assertThat(e.field()).isEqualTo("C0 version");
              assertThat(e.value()).isEqualTo(version);
              assertThat(e.getMessage()).contains("only version 3");
            });
    assertThat(handshake.state()).isEqualTo(ServerHandshake.State.FAILED);
  }

  @Test
  void rtmpeAndTlsAreNamedInTheRule() {
    assertThatThrownBy(() -> handshake.feed(ByteBuffer.wrap(new byte[] {6})))
        .hasMessage("C0 version 6: RTMPE (encrypted RTMP) is not supported; only version 3");
    ServerHandshake other = new ServerHandshake(new Random(1), InstantSource.system());
    assertThatThrownBy(() -> other.feed(ByteBuffer.wrap(new byte[] {0x16, 3, 1})))
        .hasMessageContaining("TLS");
  }

  @Test
  void aFinishedOrFailedHandshakeTakesNoMoreInput() {
    handshake.feed(c0c1());
    handshake.feed(ByteBuffer.wrap(new byte[ReferenceClient.PACKET]));
    ServerHandshake failed = new ServerHandshake(new Random(1), InstantSource.system());
    assertThatThrownBy(() -> failed.feed(ByteBuffer.wrap(new byte[] {9})))
        .isInstanceOf(ProtocolException.class);

    assertThatThrownBy(() -> handshake.feed(ByteBuffer.allocate(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> failed.feed(ByteBuffer.allocate(1)))
        .isInstanceOf(IllegalStateException.class);
  }

  private ByteBuffer c0c1() {
    return ByteBuffer.wrap(client.c0c1());
  }
}
