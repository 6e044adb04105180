package io.onair.rtmp.flv;

import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.flv.Codec.Track;
import java.util.Optional;

/**
 * Writes the audio tag header that goes before a frame's codec bytes, the inverse of {@link
 * AudioTagParser} for AAC: the legacy FLV AudioTagHeader (Adobe FLV 10.1 E.4.2.1) and
 * AACPacketType. The header byte is always 0xAF: SoundFormat 10, and 44 kHz, 16-bit, stereo, as the
 * spec requires for AAC whatever the stream is; the AudioSpecificConfig says what it really is.
 *
 * <p>Nothing else is written: AAC has no end of sequence in FLV, and no composition offset.
 */
final class AudioTagEncoder {

  private static final byte AAC_44KHZ_16BIT_STEREO = (byte) 0xAF;
  private static final byte AAC_SEQUENCE_HEADER = 0;
  private static final byte AAC_RAW = 1;

  private AudioTagEncoder() {}

  /** The header bytes, or empty when FLV cannot carry this frame. */
  static Optional<byte[]> header(MediaFrame frame) {
    if (frame.track() != MediaFrame.Track.AUDIO
        || Codec.ofFourCc(Track.AUDIO, frame.codec()).orElse(null) != Codec.AAC
        || frame.compositionOffset() != 0) {
      return Optional.empty();
    }
    return switch (frame.kind()) {
      case CONFIG -> Optional.of(new byte[] {AAC_44KHZ_16BIT_STEREO, AAC_SEQUENCE_HEADER});
      // Every audio frame is a key frame; a DELTA one is written as what it is, a raw frame.
      case KEY, DELTA -> Optional.of(new byte[] {AAC_44KHZ_16BIT_STEREO, AAC_RAW});
      case END_OF_SEQUENCE -> Optional.empty();
    };
  }
}
