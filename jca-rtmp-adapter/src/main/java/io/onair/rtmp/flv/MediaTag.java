package io.onair.rtmp.flv;

import io.onair.rtmp.api.MediaFrame;
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

  /**
   * Whether this tag is a {@link MediaFrame}: a codec we know and a kind a packager or transcoder
   * takes. Tags of unknown codecs and {@link FrameKind#OTHER} (HDR metadata, video command frames,
   * multitrack and ModEx packets) are not, and are passed over.
   */
  public boolean isMediaFrame() {
    return codec.isPresent() && kind != FrameKind.OTHER;
  }

  /**
   * This tag as a {@link MediaFrame}, its codec bytes not copied. The one reading of a tag into a
   * frame, for the live feed and the FLV stream reader alike; the decode time is the caller's,
   * since a live feed carries RTMP timestamps on past their 32-bit wrap and an FLV stream does not.
   *
   * @throws IllegalStateException when {@link #isMediaFrame()} is false
   */
  public MediaFrame toMediaFrame(long dts, boolean discontinuity) {
    if (!isMediaFrame()) {
      throw new IllegalStateException("a " + kind + " tag of " + codec + " is no media frame");
    }
    Codec known = codec.get();
    return new MediaFrame(
        known.track() == Codec.Track.VIDEO ? MediaFrame.Track.VIDEO : MediaFrame.Track.AUDIO,
        known.fourCc(),
        frameKind(),
        dts,
        compositionOffset,
        discontinuity,
        data());
  }

  private MediaFrame.Kind frameKind() {
    return switch (kind) {
      case SEQUENCE_START -> MediaFrame.Kind.CONFIG;
      case KEY_FRAME -> MediaFrame.Kind.KEY;
      case INTER_FRAME -> MediaFrame.Kind.DELTA;
      case SEQUENCE_END -> MediaFrame.Kind.END_OF_SEQUENCE;
      case OTHER -> throw new IllegalStateException("OTHER is no media frame");
    };
  }
}
