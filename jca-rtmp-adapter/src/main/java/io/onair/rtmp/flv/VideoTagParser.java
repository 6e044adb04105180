package io.onair.rtmp.flv;

import io.onair.rtmp.flv.Codec.Track;
import java.util.Optional;

/**
 * Reads a video message payload: the legacy FLV VideoTagHeader (Adobe FLV 10.1 E.4.3.1, with AVC
 * and the community HEVC id 12) or the Enhanced RTMP ExVideoTagHeader (E-RTMP v1/v2: bit 7 set,
 * frame type in bits 6-4, packet type in bits 3-0, then a FourCC).
 */
public final class VideoTagParser {

  private static final int FRAME_KEY = 1;
  private static final int FRAME_INTER = 2;
  private static final int FRAME_DISPOSABLE = 3;
  private static final int FRAME_COMMAND = 5;

  private VideoTagParser() {}

  public static MediaTag parse(long timestamp, byte[] payload) {
    TagReader in = new TagReader(payload, "video tag");
    int first = in.u8("header");
    if ((first & 0x80) != 0) {
      return enhanced(timestamp, payload, in, (first >> 4) & 0x07, first & 0x0F);
    }
    return legacy(timestamp, payload, in, first >> 4, first & 0x0F);
  }

  private static MediaTag legacy(
      long timestamp, byte[] payload, TagReader in, int frameType, int codecId) {
    Optional<Codec> codec = Codec.ofLegacyId(Track.VIDEO, codecId);
    if (codec.isEmpty() || frameType == FRAME_COMMAND) {
      return new MediaTag(codec, FrameKind.OTHER, timestamp, 0, payload, in.position());
    }
    int packetType = in.u8("AVC packet type");
    int compositionOffset = in.si24("composition time");
    FrameKind kind =
        switch (packetType) {
          case 0 -> FrameKind.SEQUENCE_START;
          case 1 -> frame(frameType);
          case 2 -> FrameKind.SEQUENCE_END;
          default -> FrameKind.OTHER;
        };
    int offset =
        kind == FrameKind.INTER_FRAME || kind == FrameKind.KEY_FRAME ? compositionOffset : 0;
    return new MediaTag(codec, kind, timestamp, offset, payload, in.position());
  }

  private static MediaTag enhanced(
      long timestamp, byte[] payload, TagReader in, int frameType, int packetType) {
    // Multitrack (6) and ModEx (7) wrap further headers (E-RTMP v2); HDR metadata (4) and
    // MPEG-2 TS sequence start (5) carry no frame. All pass through unpackaged.
    if (packetType > 3) {
      return new MediaTag(Optional.empty(), FrameKind.OTHER, timestamp, 0, payload, in.position());
    }
    Optional<Codec> codec = Codec.ofFourCc(Track.VIDEO, in.u32("FourCC"));
    if (codec.isEmpty() || (frameType == FRAME_COMMAND && packetType != 0)) {
      return new MediaTag(codec, FrameKind.OTHER, timestamp, 0, payload, in.position());
    }
    FrameKind kind =
        switch (packetType) {
          case 0 -> FrameKind.SEQUENCE_START;
          case 2 -> FrameKind.SEQUENCE_END;
          default -> frame(frameType);
        };
    // CodedFrames (1) of AVC and HEVC carry an SI24 composition time; CodedFramesX (3) is the
    // same packet with that offset zero and left out.
    int compositionOffset =
        packetType == 1 && codec.get().hasCompositionTime() ? in.si24("composition time") : 0;
    return new MediaTag(codec, kind, timestamp, compositionOffset, payload, in.position());
  }

  private static FrameKind frame(int frameType) {
    if (frameType == FRAME_KEY) {
      return FrameKind.KEY_FRAME;
    }
    if (frameType == FRAME_INTER || frameType == FRAME_DISPOSABLE) {
      return FrameKind.INTER_FRAME;
    }
    return FrameKind.OTHER;
  }
}
