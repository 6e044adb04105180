package io.onair.rtmp.flv;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * One audio or video tag, understood: its codec, what kind of frame it is, when it decodes and when
 * it shows, and where the codec's own bytes lie in the message payload. It keeps the payload
 * instead of copying the codec bytes out: this runs once per frame.
 *
 * @param codec the codec; empty for a codec we do not know (its kind is then {@link
 *     FrameKind#OTHER})
 * @param kind what the tag carries
 * @param dts decode time, milliseconds (the RTMP message timestamp)
 * @param compositionOffset presentation minus decode time, milliseconds (B-frames); else 0
 * @param payload the whole message payload, not copied
 * @param dataOffset where the codec bytes start in {@code payload}
 */
public record MediaTag(
    Optional<Codec> codec,
    FrameKind kind,
    long dts,
    int compositionOffset,
    byte[] payload,
    int dataOffset) {

  public MediaTag {
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payload, "payload");
    if (dataOffset < 0 || dataOffset > payload.length) {
      throw new IllegalArgumentException("data offset " + dataOffset + " outside the payload");
    }
  }

  /** Presentation time, milliseconds. */
  public long pts() {
    return dts + compositionOffset;
  }

  /** The codec's bytes, read-only, without a copy. */
  public ByteBuffer data() {
    return ByteBuffer.wrap(payload, dataOffset, payload.length - dataOffset).asReadOnlyBuffer();
  }

  public boolean isKeyFrame() {
    return kind == FrameKind.KEY_FRAME;
  }
}
