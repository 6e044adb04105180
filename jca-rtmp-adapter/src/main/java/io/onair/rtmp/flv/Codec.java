package io.onair.rtmp.flv;

import java.util.Arrays;
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

  static Optional<Codec> ofFourCc(Track track, int fourCc) {
    return Arrays.stream(values())
        .filter(c -> c.track == track && c.fourCcValue() == fourCc)
        .findFirst();
  }

  static Optional<Codec> ofLegacyId(Track track, int id) {
    return Arrays.stream(values()).filter(c -> c.track == track && c.legacyId == id).findFirst();
  }

  int fourCcValue() {
    return fourCc.charAt(0) << 24
        | fourCc.charAt(1) << 16
        | fourCc.charAt(2) << 8
        | fourCc.charAt(3);
  }
}
