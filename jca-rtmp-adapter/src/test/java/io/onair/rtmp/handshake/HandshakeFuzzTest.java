package io.onair.rtmp.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.handshake.ReferenceClient.Kind;
import io.onair.rtmp.protocol.ProtocolException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of seeded random inputs, in random pieces: each must end in need-more, done or a
 * ProtocolException, and which one is known from the input alone. Any other exception fails.
 */
class HandshakeFuzzTest {

  private static final int INPUTS = 3_000;

  /** C0+C1+C2: as long as S0+S1+S2. */
  private static final int CLIENT_HANDSHAKE = 1 + 2 * ReferenceClient.PACKET;

  @Test
  void everyInputEndsInNeedMoreDoneOrAProtocolException() {
    int[] outcomes = new int[3];
    for (long seed = 0; seed < INPUTS; seed++) {
      Random random = new Random(seed);
      byte[] input = input(random);
      outcomes[check(input, pieces(input, random), seed)]++;
    }
    assertThat(outcomes).as("need more, done, refused").doesNotContain(0);
  }

  private static int check(byte[] input, List<byte[]> pieces, long seed) {
    ServerHandshake handshake = new ServerHandshake(new Random(seed), InstantSource.system());
    String context = "seed " + seed;
    try {
      Transcript transcript = Transcript.of(handshake, pieces);
      assertThat(input[0]).as(context).isEqualTo((byte) 3);
      if (input.length < CLIENT_HANDSHAKE) {
        boolean c1Complete = input.length > ReferenceClient.PACKET;
        assertThat(transcript.sent()).as(context).hasSize(c1Complete ? ReferenceClient.REPLY : 0);
        assertThat(transcript.state()).as(context).isNotEqualTo(ServerHandshake.State.DONE);
        return 0;
      }
      assertThat(transcript.sent()).as(context).hasSize(ReferenceClient.REPLY);
      assertThat(transcript.leftover()).as(context).hasSize(input.length - CLIENT_HANDSHAKE);
      return 1;
    } catch (ProtocolException e) {
      assertThat(input[0]).as(context).isNotEqualTo((byte) 3);
      assertThat(e.field()).as(context).isEqualTo("C0 version");
      assertThat(handshake.state()).as(context).isEqualTo(ServerHandshake.State.FAILED);
      return 2;
    }
  }

  /** Random bytes, mostly starting with version 3, a quarter of them with a real digest C1. */
  private static byte[] input(Random random) {
    byte[] input = new byte[1 + random.nextInt(2 * CLIENT_HANDSHAKE)];
    random.nextBytes(input);
    if (random.nextInt(4) > 0) {
      input[0] = 3;
    }
    if (random.nextInt(4) == 0 && input.length > ReferenceClient.PACKET) {
      Kind kind = random.nextBoolean() ? Kind.FFMPEG : Kind.LIBRTMP_FP10;
      byte[] c1 = ReferenceClient.of(kind, random).c1();
      System.arraycopy(c1, 0, input, 1, c1.length);
    }
    return input;
  }

  private static List<byte[]> pieces(byte[] input, Random random) {
    List<byte[]> pieces = new ArrayList<>();
    for (int from = 0; from < input.length; ) {
      int to = Math.min(input.length, from + random.nextInt(800));
      pieces.add(Arrays.copyOfRange(input, from, to));
      from = to;
    }
    return pieces;
  }
}
