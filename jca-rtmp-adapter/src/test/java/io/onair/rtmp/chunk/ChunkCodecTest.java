package io.onair.rtmp.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.message.ProtocolControl;
import io.onair.rtmp.message.RtmpMessage;
import io.onair.rtmp.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chunk stream vectors (RTMP 1.0 section 5.3), each decoded and, where our encoder would produce
 * the same bytes, encoded: whole, split at every offset, and byte by byte.
 */
class ChunkCodecTest {

  static final ChunkLimits LIMITS = new ChunkLimits(65_536, 1 << 20, 16);

  private static RtmpMessage message(MessageType type, long timestamp, int stream, byte[] payload) {
    return new RtmpMessage(type, timestamp, stream, payload);
  }

  /** name, bytes, messages, whether our encoder writes exactly these bytes. */
  static Stream<Arguments> vectors() {
    byte[] p150 = Hex.filled(150, 0x10);
    byte[] p10 = Hex.filled(10, 0x40);
    return Stream.of(
        Arguments.of(
            "set chunk size on the control stream",
            Hex.bytes("02 | 000000 000004 01 00000000 | 00001000"),
            List.of(message(MessageType.SET_CHUNK_SIZE, 0, 0, Hex.bytes("00001000"))),
            true),
        Arguments.of(
            "a 150-byte command in two chunks of 128",
            concat(
                Hex.bytes("03 | 000000 000096 14 00000000"), // fmt 0, csid 3, len 150, type 20
                slice(p150, 0, 128),
                Hex.bytes("c3"), // fmt 3 continuation
                slice(p150, 128, 150)),
            List.of(message(MessageType.COMMAND_AMF0, 0, 0, p150)),
            true),
        Arguments.of(
            "audio with format 0, 1, 2 and 3 headers on stream 1",
            concat(
                Hex.bytes("04 | 0003e8 00000a 08 01000000"), // t=1000, stream 1 (little-endian)
                p10,
                Hex.bytes("44 | 000014 00000b 08"), // fmt 1: delta 20, len 11
                Hex.filled(11, 1),
                Hex.bytes("84 | 000015"), // fmt 2: delta 21, len 11 kept
                Hex.filled(11, 2),
                Hex.bytes("c4"), // fmt 3 new message: delta 21 again
                Hex.filled(11, 3)),
            List.of(
                message(MessageType.AUDIO, 1000, 1, p10),
                message(MessageType.AUDIO, 1020, 1, Hex.filled(11, 1)),
                message(MessageType.AUDIO, 1041, 1, Hex.filled(11, 2)),
                message(MessageType.AUDIO, 1062, 1, Hex.filled(11, 3))),
            true),
        Arguments.of(
            "two-byte basic header: chunk stream 64",
            concat(Hex.bytes("00 00 | 000005 000003 09 01000000"), Hex.bytes("170000")),
            List.of(message(MessageType.VIDEO, 5, 1, Hex.bytes("170000"))),
            true),
        Arguments.of(
            "three-byte basic header: chunk stream 320 (256 + 64)",
            concat(Hex.bytes("01 00 01 | 000005 000003 09 01000000"), Hex.bytes("170000")),
            List.of(message(MessageType.VIDEO, 5, 1, Hex.bytes("170000"))),
            true),
        Arguments.of(
            "extended timestamp, repeated in the continuation chunk",
            concat(
                Hex.bytes("06 | ffffff 000096 09 01000000 | 01000000"), // t = 0x01000000
                slice(p150, 0, 128),
                Hex.bytes("c6 | 01000000"),
                slice(p150, 128, 150)),
            List.of(message(MessageType.VIDEO, 0x0100_0000L, 1, p150)),
            true),
        Arguments.of(
            "extended timestamp not repeated in the continuation (some encoders)",
            concat(
                Hex.bytes("06 | ffffff 000096 09 01000000 | 01000000"),
                slice(p150, 0, 128),
                Hex.bytes("c6"),
                slice(p150, 128, 150)),
            List.of(message(MessageType.VIDEO, 0x0100_0000L, 1, p150)),
            false),
        Arguments.of(
            "an empty message completes on its header",
            Hex.bytes("05 | 000007 000000 08 01000000"),
            List.of(message(MessageType.AUDIO, 7, 1, new byte[0])),
            true),
        Arguments.of(
            "timestamps wrap at 2^32",
            concat(
                Hex.bytes("04 | ffffff 000001 08 01000000 | fffffff0 | aa"),
                Hex.bytes("84 | 000020 | bb")),
            List.of(
                message(MessageType.AUDIO, 0xFFFF_FFF0L, 1, Hex.bytes("aa")),
                message(MessageType.AUDIO, 0x10L, 1, Hex.bytes("bb"))),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void decodesWholeSplitAtEveryOffsetAndByteByByte(
      String name, byte[] bytes, List<RtmpMessage> expected, boolean encodable) {
    for (int at = 0; at <= bytes.length; at++) {
      assertThat(ChunkFeeder.splitAt(LIMITS, bytes, at)).as("split at %d", at).isEqualTo(expected);
    }
    ChunkFeeder oneByOne = new ChunkFeeder(new ChunkDecoder(LIMITS));
    for (int i = 0; i < bytes.length; i++) {
      oneByOne.feed(bytes, i, i + 1);
    }
    assertThat(oneByOne.messages).isEqualTo(expected);
    assertThat(oneByOne.leftover()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void encodesToTheSameBytes(
      String name, byte[] bytes, List<RtmpMessage> messages, boolean encodable) {
    if (!encodable) {
      return;
    }
    ChunkEncoder encoder = new ChunkEncoder();
    ByteBuffer out = ByteBuffer.allocate(bytes.length);
    int csid = chunkStreamIdOf(bytes);
    for (RtmpMessage m : messages) {
      out.put(encoder.encode(m, csid));
    }
    assertThat(out.array()).isEqualTo(bytes);
  }

  private static int chunkStreamIdOf(byte[] bytes) {
    int low = bytes[0] & 0x3F;
    return low == 0
        ? 64 + (bytes[1] & 0xFF)
        : low == 1 ? 64 + (bytes[1] & 0xFF) + ((bytes[2] & 0xFF) << 8) : low;
  }

  @org.junit.jupiter.api.Test
  void setChunkSizeAppliesToTheChunksThatFollow() {
    byte[] payload = Hex.filled(300, 7);
    byte[] bytes =
        concat(
            Hex.bytes("02 | 000000 000004 01 00000000 | 00000100"), // chunk size 256
            Hex.bytes("03 | 000000 00012c 09 01000000"),
            slice(payload, 0, 256),
            Hex.bytes("c3"),
            slice(payload, 256, 300));
    ChunkDecoder decoder = new ChunkDecoder(LIMITS);
    List<RtmpMessage> messages = new ChunkFeeder(decoder).feed(bytes, 0, bytes.length).messages;
    assertThat(messages).hasSize(2);
    assertThat(messages.get(1).payload()).isEqualTo(payload);
    assertThat(decoder.chunkSize()).isEqualTo(256);
  }

  @org.junit.jupiter.api.Test
  void abortDiscardsTheUnfinishedMessageOfItsChunkStream() {
    byte[] bytes =
        concat(
            Hex.bytes("04 | 000000 0000c8 09 01000000"), // 200 bytes declared
            Hex.filled(128, 0),
            Hex.bytes("02 | 000000 000004 02 00000000 | 00000004"), // abort csid 4
            Hex.bytes("04 | 000001 000001 08 01000000 | ee"));
    List<RtmpMessage> messages =
        new ChunkFeeder(new ChunkDecoder(LIMITS)).feed(bytes, 0, bytes.length).messages;
    assertThat(messages)
        .extracting(RtmpMessage::type)
        .containsExactly(MessageType.ABORT, MessageType.AUDIO);
    assertThat(messages.get(1).payload()).containsExactly(0xee);
  }

  @org.junit.jupiter.api.Test
  void messagesOnInterleavedChunkStreamsAreReassembledApart() {
    byte[] video = Hex.filled(200, 1);
    byte[] bytes =
        concat(
            Hex.bytes("06 | 000000 0000c8 09 01000000"),
            slice(video, 0, 128),
            Hex.bytes("04 | 000000 000002 08 01000000 | a1a2"),
            Hex.bytes("c6"),
            slice(video, 128, 200));
    List<RtmpMessage> messages =
        new ChunkFeeder(new ChunkDecoder(LIMITS)).feed(bytes, 0, bytes.length).messages;
    assertThat(messages)
        .containsExactly(
            message(MessageType.AUDIO, 0, 1, Hex.bytes("a1a2")),
            message(MessageType.VIDEO, 0, 1, video));
  }

  @org.junit.jupiter.api.Test
  void encodedMessagesDecodeBackAtEveryChunkSize() {
    java.util.Random random = new java.util.Random(42);
    for (int chunkSize : new int[] {1, 128, 1000, 4096, 65_536}) {
      ChunkEncoder encoder = new ChunkEncoder();
      encoder.setChunkSize(chunkSize);
      List<RtmpMessage> sent = new ArrayList<>();
      ByteBuffer wire = ByteBuffer.allocate(1 << 22);
      long timestamp = 0;
      for (int i = 0; i < 200; i++) {
        timestamp += random.nextInt(3) == 0 ? 0x1000000 : random.nextInt(100);
        timestamp &= 0xFFFF_FFFFL;
        RtmpMessage m =
            message(
                random.nextBoolean() ? MessageType.AUDIO : MessageType.VIDEO,
                timestamp,
                1 + random.nextInt(2),
                Hex.filled(random.nextInt(3000), i));
        sent.add(m);
        wire.put(encoder.encode(m, 4 + random.nextInt(3)));
      }
      wire.flip();
      ChunkDecoder decoder = new ChunkDecoder(LIMITS);
      ChunkFeeder feeder = new ChunkFeeder(decoder);
      byte[] setSize =
          new ChunkEncoder().encode(ProtocolControl.setChunkSize(chunkSize), 2).array();
      feeder.feed(setSize, 0, setSize.length);
      byte[] bytes = new byte[wire.remaining()];
      wire.get(bytes);
      feeder.feed(bytes, 0, bytes.length);
      assertThat(feeder.messages.subList(1, feeder.messages.size()))
          .as("chunk size %d", chunkSize)
          .isEqualTo(sent);
    }
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    ByteBuffer out = ByteBuffer.allocate(length);
    for (byte[] p : parts) {
      out.put(p);
    }
    return out.array();
  }

  static byte[] slice(byte[] bytes, int from, int to) {
    return java.util.Arrays.copyOfRange(bytes, from, to);
  }

  static void assertRefused(byte[] bytes, String field) {
    assertThatThrownBy(() -> new ChunkFeeder(new ChunkDecoder(LIMITS)).feed(bytes, 0, bytes.length))
        .isInstanceOf(ProtocolException.class)
        .extracting(e -> ((ProtocolException) e).field())
        .isEqualTo(field);
  }
}
