package io.onair.rtmp.chunk;

import io.onair.rtmp.message.RtmpMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Feeds bytes to a decoder the way the transport does: appended, decoded, compacted. */
final class ChunkFeeder {

  private final ChunkDecoder decoder;
  private ByteBuffer pending = ByteBuffer.allocate(0);
  final List<RtmpMessage> messages = new ArrayList<>();

  ChunkFeeder(ChunkDecoder decoder) {
    this.decoder = decoder;
  }

  ChunkFeeder feed(byte[] bytes, int from, int to) {
    ByteBuffer joined = ByteBuffer.allocate(pending.remaining() + (to - from));
    joined.put(pending).put(bytes, from, to - from).flip();
    for (RtmpMessage m = decoder.decode(joined); m != null; m = decoder.decode(joined)) {
      messages.add(m);
    }
    pending = joined;
    return this;
  }

  int leftover() {
    return pending.remaining();
  }

  /** Every message of {@code bytes} fed in two pieces split at {@code at}. */
  static List<RtmpMessage> splitAt(ChunkLimits limits, byte[] bytes, int at) {
    ChunkFeeder feeder = new ChunkFeeder(new ChunkDecoder(limits));
    feeder.feed(bytes, 0, at).feed(bytes, at, bytes.length);
    return feeder.messages;
  }
}
