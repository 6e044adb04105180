package io.onair.rtmp.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.handshake.ReferenceClient.Kind;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TCP delivers the client's bytes cut anywhere; the handshake must not care where. Each client's
 * whole stream (C0+C1, C2, then five bytes of the chunk layer) is fed cut at every offset, byte by
 * byte, and at random cuts, and must give what feeding it at once gives.
 */
class HandshakeSplitTest {

  private static final byte[] NEXT_LAYER = {3, 0, 0, 0, 0};

  @ParameterizedTest
  @EnumSource(Kind.class)
  void everyCutGivesTheSameRepliesAndLeftover(Kind kind) {
    byte[] stream = clientStream(kind);
    Transcript whole = Transcript.of(server(), List.of(stream));
    assertThat(whole.sent()).hasSize(ReferenceClient.REPLY);
    assertThat(whole.leftover()).isEqualTo(NEXT_LAYER);

    for (int cut = 0; cut <= stream.length; cut++) {
      assertSame(whole, Transcript.split(stream, cut), "cut at " + cut);
    }
    int[] everyByte = IntStream.range(1, stream.length).toArray();
    assertSame(whole, Transcript.split(stream, everyByte), "byte by byte");
    Random random = new Random(kind.ordinal());
    for (int run = 0; run < 200; run++) {
      int[] cuts = random.ints(1 + random.nextInt(8), 0, stream.length + 1).sorted().toArray();
      assertSame(whole, Transcript.split(stream, cuts), "cuts " + Arrays.toString(cuts));
    }
  }

  private static void assertSame(Transcript whole, List<byte[]> pieces, String how) {
    Transcript split = Transcript.of(server(), pieces);

    assertThat(split.sent()).as(how).isEqualTo(whole.sent());
    assertThat(split.leftover()).as(how).isEqualTo(whole.leftover());
    assertThat(split.state()).as(how).isEqualTo(ServerHandshake.State.DONE);
  }

  /** The client's bytes, with the C2 it would answer the server's reply with. */
  private static byte[] clientStream(Kind kind) {
    ReferenceClient client = ReferenceClient.of(kind, new Random(99));
    List<byte[]> c0c1 = new ArrayList<>(List.of(client.c0c1()));
    byte[] reply = Transcript.of(server(), c0c1).sent();
    byte[] c2 = client.c2(ReferenceClient.s1(reply), new Random(100));
    return Transcript.concat(client.c0c1(), c2, NEXT_LAYER);
  }

  private static ServerHandshake server() {
    return new ServerHandshake(new Random(5), InstantSource.fixed(Instant.ofEpochMilli(77)));
  }
}
