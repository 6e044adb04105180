package io.onair.rtmp.flv;

import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.flv.Codec.Track;
import java.util.Optional;

/**
 * Writes the video tag header that goes before a frame's codec bytes, the inverse of {@link
 * VideoTagParser}: the legacy FLV VideoTagHeader for AVC (Adobe FLV 10.1 E.4.3.1: frame type, codec
 * id 7, AVCPacketType, SI24 CompositionTime) and the Enhanced RTMP ExVideoTagHeader for HEVC, AV1
 * and VP9 (E-RTMP v1: bit 7 set, frame type, VideoPacketType, FourCC).
 *
 * <p>A frame this header cannot carry whole is refused rather than written with something left out:
 * a composition offset on a configuration, an end of sequence or a codec without one (AV1, VP9), or
 * one beyond SI24.
 */
final class VideoTagEncoder {

  private static final int FRAME_KEY = 1;
  private static final int FRAME_INTER = 2;
  private static final int CODEC_ID_AVC = 7;

  private static final int AVC_SEQUENCE_HEADER = 0;
  private static final int AVC_NALU = 1;
  private static final int AVC_END_OF_SEQUENCE = 2;

  private static final int EX_HEADER = 0x80;
  private static final int SEQUENCE_START = 0;
  private static final int CODED_FRAMES = 1;
  private static final int SEQUENCE_END = 2;

  /** CodedFrames with the composition time left out because it is 0. */
  private static final int CODED_FRAMES_X = 3;

  private static final int SI24_MIN = -(1 << 23);
  private static final int SI24_MAX = (1 << 23) - 1;

  private VideoTagEncoder() {}

  /** The header bytes, or empty when FLV cannot carry this frame. */
  static Optional<byte[]> header(MediaFrame frame) {
    Optional<Codec> codec = Codec.ofFourCc(Track.VIDEO, frame.codec());
    if (frame.track() != MediaFrame.Track.VIDEO || codec.isEmpty() || !fits(frame, codec.get())) {
      return Optional.empty();
    }
    return switch (codec.get()) {
      case AVC -> Optional.of(legacy(frame));
      case HEVC, AV1, VP9 -> Optional.of(enhanced(frame, codec.get()));
      default -> Optional.empty();
    };
  }

  private static boolean fits(MediaFrame frame, Codec codec) {
    int offset = frame.compositionOffset();
    if (offset == 0) {
      return true;
    }
    return codec.hasCompositionTime()
        && frame.kind() != MediaFrame.Kind.CONFIG
        && frame.kind() != MediaFrame.Kind.END_OF_SEQUENCE
        && offset >= SI24_MIN
        && offset <= SI24_MAX;
  }

  private static byte[] legacy(MediaFrame frame) {
    int packetType =
        switch (frame.kind()) {
          case CONFIG -> AVC_SEQUENCE_HEADER;
          case KEY, DELTA -> AVC_NALU;
          case END_OF_SEQUENCE -> AVC_END_OF_SEQUENCE;
        };
    int offset = frame.compositionOffset();
    return new byte[] {
      (byte) (frameType(frame) << 4 | CODEC_ID_AVC),
      (byte) packetType,
      (byte) (offset >> 16),
      (byte) (offset >> 8),
      (byte) offset
    };
  }

  private static byte[] enhanced(MediaFrame frame, Codec codec) {
    int offset = frame.compositionOffset();
    int packetType =
        switch (frame.kind()) {
          case CONFIG -> SEQUENCE_START;
          case END_OF_SEQUENCE -> SEQUENCE_END;
          // AV1 and VP9 frames have no composition time: CodedFrames carries none for them.
          case KEY, DELTA ->
              offset == 0 && codec.hasCompositionTime() ? CODED_FRAMES_X : CODED_FRAMES;
        };
    boolean withOffset = packetType == CODED_FRAMES && codec.hasCompositionTime();
    byte[] header = new byte[withOffset ? 8 : 5];
    header[0] = (byte) (EX_HEADER | frameType(frame) << 4 | packetType);
    String fourCc = codec.fourCc();
    for (int i = 0; i < 4; i++) {
      header[1 + i] = (byte) fourCc.charAt(i);
    }
    if (withOffset) {
      header[5] = (byte) (offset >> 16);
      header[6] = (byte) (offset >> 8);
      header[7] = (byte) offset;
    }
    return header;
  }

  /** Configurations and ends of sequence go as key frames, as ffmpeg and OBS send them. */
  private static int frameType(MediaFrame frame) {
    return frame.kind() == MediaFrame.Kind.DELTA ? FRAME_INTER : FRAME_KEY;
  }
}
