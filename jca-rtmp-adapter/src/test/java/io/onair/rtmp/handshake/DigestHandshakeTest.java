package io.onair.rtmp.handshake;

import static io.onair.rtmp.handshake.Transcript.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.handshake.ReferenceClient.Kind;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DigestHandshakeTest {

  private final ServerHandshake handshake =
      new ServerHandshake(new Random(11), InstantSource.fixed(Instant.ofEpochSecond(1_000)));

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"FFMPEG", "LIBRTMP_FP10"})
  void aDigestClientGetsS1AndS2ItVerifiesAndItsSignedC2Completes(Kind kind) {
    assertDigestConversation(ReferenceClient.of(kind, new Random(kind.ordinal())));
  }

  @Test
  void anyNonZeroByteInTheVersionFieldAnnouncesADigest() {
    assertDigestConversation(ReferenceClient.signing(772, new byte[] {0, 0, 0, 1}, new Random(4)));
  }

  private void assertDigestConversation(ReferenceClient client) {
    byte[] reply = reply(client);
    byte[] s1 = ReferenceClient.s1(reply);

    assertThat(reply[0]).isEqualTo((byte) 3);
    // ffmpeg checks the digest only when S1's first version byte is at least 3.
    assertThat(s1[4] & 0xFF).isGreaterThanOrEqualTo(3);
    assertThat(ReferenceClient.serverDigestPosition(s1))
        .as("S1 digest found, at the client's scheme")
        .isEqualTo(ReferenceClient.position(s1, client.digestOffsetField()));
    assertThat(client.acceptsSignedS2(ReferenceClient.s2(reply))).isTrue();

    HandshakeStep step = handshake.feed(ByteBuffer.wrap(client.c2(s1, new Random(3))));

    assertThat(step).isInstanceOf(HandshakeStep.Done.class);
  }

  @Test
  void aNonZeroVersionWithAGarbageDigestFallsBackToThePlainHandshake() {
    byte[] c0c1 = ReferenceClient.of(Kind.PLAIN, new Random(5)).c0c1();
    c0c1[5] = 9;
    c0c1[7] = 124;

    assertPlainAnswer(c0c1);
  }

  @Test
  void aDigestWithOneBitFlippedFallsBackToThePlainHandshake() {
    byte[] c0c1 = ReferenceClient.of(Kind.FFMPEG, new Random(6)).c0c1();
    int digest = 1 + ReferenceClient.position(Arrays.copyOfRange(c0c1, 1, c0c1.length), 8);
    c0c1[digest] ^= 1;

    assertPlainAnswer(c0c1);
  }

  @Test
  void aZeroVersionFieldMeansPlainEvenWhenADigestIsThere() {
    byte[] c0c1 = ReferenceClient.of(Kind.FFMPEG, new Random(8)).c0c1();
    Arrays.fill(c0c1, 5, 9, (byte) 0);

    assertPlainAnswer(c0c1);
  }

  @Test
  void theDigestNeverLeavesItsHalfOfThePacket() {
    byte[] packet = new byte[ReferenceClient.PACKET];
    assertThat(DigestScheme.SCHEME_0.position(packet)).isEqualTo(12);
    assertThat(DigestScheme.SCHEME_1.position(packet)).isEqualTo(776);
    Arrays.fill(packet, (byte) 0xFF);
    // 4 * 255 = 1020, and 1020 % 728 = 292: the largest sum is not the largest offset.
    assertThat(DigestScheme.SCHEME_0.position(packet)).isEqualTo(12 + 292);
    packet[8] = 0;
    packet[11] = (byte) 217;
    assertThat(DigestScheme.SCHEME_0.position(packet)).isEqualTo(12 + 727);
    assertThat(DigestScheme.SCHEME_0.position(packet) + 32).isLessThanOrEqualTo(772);
  }

  private void assertPlainAnswer(byte[] c0c1) {
    byte[] reply = bytes(((HandshakeStep.Send) handshake.feed(ByteBuffer.wrap(c0c1))).bytes());

    byte[] s1 = ReferenceClient.s1(reply);
    assertThat(Arrays.copyOfRange(s1, 4, 8)).containsOnly(0);
    assertThat(ReferenceClient.serverDigestPosition(s1)).isEqualTo(-1);
    assertThat(ReferenceClient.s2(reply)).isEqualTo(Arrays.copyOfRange(c0c1, 1, c0c1.length));
  }

  private byte[] reply(ReferenceClient client) {
    HandshakeStep step = handshake.feed(ByteBuffer.wrap(client.c0c1()));
    assertThat(step).isInstanceOf(HandshakeStep.Send.class);
    return bytes(((HandshakeStep.Send) step).bytes());
  }
}
