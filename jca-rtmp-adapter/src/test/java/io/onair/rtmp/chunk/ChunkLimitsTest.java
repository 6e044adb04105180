package io.onair.rtmp.chunk;

import static io.onair.rtmp.chunk.ChunkCodecTest.assertRefused;
import static io.onair.rtmp.chunk.ChunkCodecTest.concat;
import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.protocol.ProtocolException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What a hostile or broken peer gets: a protocol error naming the field, before any allocation. */
class ChunkLimitsTest {

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedOnItsHeaderAlone() {
    // 16 MiB declared, limit 1 MiB, no payload sent: refused before allocating anything.
    assertRefused(Hex.bytes("04 | 000000 ffffff 09 01000000 | 00"), "message length");
  }

  @Test
  void unfinishedMessagesMayNotHoldMoreThanTwiceTheLargestMessage() {
    // A message holds memory once its first chunk has arrived; three 1 MiB messages begun on
    // three chunk streams would hold 3 MiB.
    byte[] chunk = Hex.filled(128, 0);
    byte[] first = concat(Hex.bytes("00 00 | 000000 100000 09 01000000"), chunk); // csid 64
    byte[] second = concat(Hex.bytes("00 01 | 000000 100000 09 01000000"), chunk); // csid 65
    byte[] third = Hex.bytes("00 02 | 000000 100000 09 01000000"); // csid 66, header alone
    assertRefused(concat(first, second, third), "message length");
  }

  @Test
  void moreChunkStreamsThanTheLimitAreRefused() {
    byte[] bytes = new byte[0];
    for (int csid = 3; csid < 3 + 17; csid++) {
      bytes = concat(bytes, new byte[] {(byte) csid}, Hex.bytes("000000 000001 08 01000000 | 00"));
    }
    assertRefused(bytes, "chunk stream id");
  }

  @Test
  void aChunkSizeOverTheLimitOrWithBit31SetIsRefused() {
    assertRefused(Hex.bytes("02 | 000000 000004 01 00000000 | 00010001"), "chunk size");
    assertRefused(Hex.bytes("02 | 000000 000004 01 00000000 | 80000080"), "chunk size");
    assertRefused(Hex.bytes("02 | 000000 000004 01 00000000 | 00000000"), "chunk size");
  }

  @Test
  void aSetChunkSizeOfTheWrongLengthIsRefused() {
    assertRefused(
        Hex.bytes("02 | 000000 000002 01 00000000 | 0100"), "Set Chunk Size payload length");
  }

  @Test
  void aCompressedHeaderOnANewChunkStreamIsRefused() {
    assertRefused(Hex.bytes("85 | 000010"), "chunk format");
    assertRefused(Hex.bytes("c5"), "chunk format");
  }

  @Test
  void aNewHeaderInTheMiddleOfAMessageIsRefused() {
    byte[] bytes =
        concat(
            Hex.bytes("04 | 000000 0000c8 09 01000000"),
            Hex.filled(128, 0),
            Hex.bytes("04 | 000000 000001 08 01000000 | 00"));
    assertRefused(bytes, "chunk format");
  }

  @Test
  void anUndefinedMessageTypeIsRefused() {
    assertRefused(Hex.bytes("04 | 000000 000001 07 01000000 | 00"), "message type id");
  }

  /**
   * Any bytes at all yield messages, "need more", or a protocol error: never another exception,
   * never an allocation beyond the limits.
   */
  @Test
  void randomInputNeverBreaksTheDecoder() {
    ChunkLimits small = new ChunkLimits(4096, 64 * 1024, 8);
    byte[] valid =
        concat(
            Hex.bytes("02 | 000000 000004 01 00000000 | 00000200"),
            Hex.bytes("04 | 000000 0000c8 09 01000000"),
            Hex.filled(200, 0));
    for (long seed = 0; seed < 20_000; seed++) {
      Random random = new Random(seed);
      byte[] input;
      if (seed % 2 == 0) {
        input = new byte[random.nextInt(300)];
        random.nextBytes(input);
      } else {
        input = valid.clone();
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
          input[random.nextInt(input.length)] = (byte) random.nextInt(256);
        }
      }
      ChunkFeeder feeder = new ChunkFeeder(new ChunkDecoder(small));
      try {
        int at = input.length == 0 ? 0 : random.nextInt(input.length);
        feeder.feed(input, 0, at).feed(input, at, input.length);
      } catch (ProtocolException expected) {
        assertThat(expected.field()).isNotBlank();
      }
    }
  }
}
