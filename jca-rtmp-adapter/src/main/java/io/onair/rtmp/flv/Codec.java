package io.onair.rtmp.flv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The codecs a tag can carry, by the FourCC Enhanced RTMP names them with (the ISO BMFF sample
 * entry names), with the legacy FLV codec id where one exists.
 */
public enum Codec {
  AVC(Track.VIDEO, "avc1", 7),
  /** FLV codec id 12 is not Adobe's but what Chinese CDNs and older OBS builds sent for HEVC. */
  HEVC(Track.VIDEO, "hvc1", 12),
  AV1(Track.VIDEO, "av01", -1),
  VP9(Track.VIDEO, "vp09", -1),
  VP8(Track.VIDEO, "vp08", -1),
  AAC(Track.AUDIO, "mp4a", 10),
  MP3(Track.AUDIO, ".mp3", 2),
  OPUS(Track.AUDIO, "Opus", -1),
  FLAC(Track.AUDIO, "fLaC", -1),
  AC3(Track.AUDIO, "ac-3", -1),
  EAC3(Track.AUDIO, "ec-3", -1);

  /** Audio or video. */
  public enum Track {
    AUDIO,
    VIDEO
  }

  private final Track track;
  private final String fourCc;
  private final int legacyId;

  Codec(Track track, String fourCc, int legacyId) {
    this.track = track;
    this.fourCc = fourCc;
    this.legacyId = legacyId;
  }

  public Track track() {
    return track;
  }

  public String fourCc() {
    return fourCc;
  }

  /** Whether coded frames of this codec carry a composition time offset (B-frames). */
  boolean hasCompositionTime() {
    return this == AVC || this == HEVC;
  }

  // Looked up once per audio and video frame: tables built once, answers allocated once.
  private static final Map<Integer, Optional<Codec>> BY_VIDEO_FOURCC = new HashMap<>();
  private static final Map<Integer, Optional<Codec>> BY_AUDIO_FOURCC = new HashMap<>();
  private static final List<Optional<Codec>> BY_VIDEO_ID = new ArrayList<>();
  private static final List<Optional<Codec>> BY_AUDIO_ID = new ArrayList<>();
  private static final Map<String, Optional<Codec>> BY_NAME = new HashMap<>();

  static {
    for (int id = 0; id < 16; id++) {
      BY_VIDEO_ID.add(Optional.empty());
      BY_AUDIO_ID.add(Optional.empty());
    }
    for (Codec codec : values()) {
      boolean video = codec.track == Track.VIDEO;
      (video ? BY_VIDEO_FOURCC : BY_AUDIO_FOURCC).put(codec.fourCcValue(), Optional.of(codec));
      BY_NAME.put(codec.fourCc, Optional.of(codec));
      if (codec.legacyId >= 0) {
        (video ? BY_VIDEO_ID : BY_AUDIO_ID).set(codec.legacyId, Optional.of(codec));
      }
    }
  }

  static Optional<Codec> ofFourCc(Track track, int fourCc) {
    return (track == Track.VIDEO ? BY_VIDEO_FOURCC : BY_AUDIO_FOURCC)
        .getOrDefault(fourCc, Optional.empty());
  }

  /** By the FourCC as a {@link io.onair.rtmp.api.MediaFrame} names it; empty for another track. */
  static Optional<Codec> ofFourCc(Track track, String fourCc) {
    Optional<Codec> codec = BY_NAME.getOrDefault(fourCc, Optional.empty());
    return codec.isPresent() && codec.get().track == track ? codec : Optional.empty();
  }

  /** By the 4-bit codec id (video) or sound format (audio) of a legacy FLV tag. */
  static Optional<Codec> ofLegacyId(Track track, int id) {
    return (track == Track.VIDEO ? BY_VIDEO_ID : BY_AUDIO_ID).get(id & 0x0F);
  }

  private int fourCcValue() {
    return fourCc.charAt(0) << 24
        | fourCc.charAt(1) << 16
        | fourCc.charAt(2) << 8
        | fourCc.charAt(3);
  }
}
