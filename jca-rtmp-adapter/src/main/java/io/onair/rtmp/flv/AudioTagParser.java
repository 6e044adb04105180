package io.onair.rtmp.flv;

import io.onair.rtmp.flv.Codec.Track;
import java.util.Optional;

/**
 * Reads an audio message payload: the legacy FLV AudioTagHeader (Adobe FLV 10.1 E.4.2.1; AAC adds a
 * packet type byte) or the Enhanced RTMP v2 ExAudioTagHeader (sound format 9, packet type in the
 * low 4 bits, then a FourCC). Every audio frame is a key frame: audio has no inter prediction a
 * player must wait out.
 */
public final class AudioTagParser {

  private static final int SOUND_FORMAT_EX_HEADER = 9;

  private AudioTagParser() {}

  public static MediaTag parse(long timestamp, byte[] payload) {
    TagReader in = new TagReader(payload, "audio tag");
    int first = in.u8("header");
    int soundFormat = first >> 4;
    if (soundFormat == SOUND_FORMAT_EX_HEADER) {
      return enhanced(timestamp, payload, in, first & 0x0F);
    }
    Optional<Codec> codec = Codec.ofLegacyId(Track.AUDIO, soundFormat);
    if (codec.isEmpty()) {
      return new MediaTag(codec, FrameKind.OTHER, timestamp, 0, payload, in.position());
    }
    if (codec.get() != Codec.AAC) {
      return new MediaTag(codec, FrameKind.KEY_FRAME, timestamp, 0, payload, in.position());
    }
    FrameKind kind = in.u8("AAC packet type") == 0 ? FrameKind.SEQUENCE_START : FrameKind.KEY_FRAME;
    return new MediaTag(codec, kind, timestamp, 0, payload, in.position());
  }

  private static MediaTag enhanced(long timestamp, byte[] payload, TagReader in, int packetType) {
    // Multichannel config (4), multitrack (5) and ModEx (7) are not frames.
    if (packetType > 2) {
      return new MediaTag(Optional.empty(), FrameKind.OTHER, timestamp, 0, payload, in.position());
    }
    Optional<Codec> codec = Codec.ofFourCc(Track.AUDIO, in.u32("FourCC"));
    FrameKind kind =
        codec.isEmpty()
            ? FrameKind.OTHER
            : switch (packetType) {
              case 0 -> FrameKind.SEQUENCE_START;
              case 2 -> FrameKind.SEQUENCE_END;
              default -> FrameKind.KEY_FRAME;
            };
    return new MediaTag(codec, kind, timestamp, 0, payload, in.position());
  }
}
