package io.onair.streaming.media.cmaf;

import java.util.HexFormat;

/**
 * What one CMAF track carries: the codec, its configuration record exactly as the encoder sent it
 * (the FLV sequence header payload is the ISO sample entry's configuration box payload for every
 * codec here), the picture size or sample rate, and the timescale of its sample times.
 *
 * <p>Video runs at 90 kHz: every common frame rate, 23.976 to 60, has a whole number of ticks per
 * frame there, and FLV's millisecond timestamps convert exactly (x 90). Audio runs at its sample
 * rate, so each AAC access unit lasts exactly 1024 ticks.
 *
 * <p>Configuration bytes are copied in and out: a record is shared between threads.
 */
public sealed interface TrackFormat
    permits TrackFormat.Avc, TrackFormat.Hevc, TrackFormat.Av1, TrackFormat.Aac {

  /** Ticks per second of every video track. */
  int VIDEO_TIMESCALE = 90_000;

  /** Ticks per second of the sample times. */
  int timescale();

  boolean isVideo();

  /** The RFC 6381 codecs parameter for HLS CODECS and DASH @codecs, e.g. "avc1.64001f". */
  String codecs();

  /** An AVC track from an FLV AVC sequence header; the picture size comes from its first SPS. */
  static Avc avc(byte[] avcC) {
    AvcSequenceParameterSet sps = AvcDecoderConfiguration.parse(avcC).firstSps();
    return new Avc(avcC, sps.width(), sps.height());
  }

  /** An AAC track from an FLV AAC sequence header (an AudioSpecificConfig). */
  static Aac aac(byte[] audioSpecificConfig) {
    AudioSpecificConfig config = AudioSpecificConfig.parse(audioSpecificConfig);
    return new Aac(audioSpecificConfig, config.sampleRate(), config.channels());
  }

  /** H.264 with its AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.3.3.1). */
  record Avc(byte[] avcC, int width, int height) implements TrackFormat {
    public Avc {
      avcC = avcC.clone();
      AvcDecoderConfiguration.parse(avcC);
      checkPictureSize(width, height);
    }

    @Override
    public byte[] avcC() {
      return avcC.clone();
    }

    @Override
    public int timescale() {
      return VIDEO_TIMESCALE;
    }

    @Override
    public boolean isVideo() {
      return true;
    }

    /** "avc1." and the three profile and level bytes in hex (RFC 6381 3.3). */
    @Override
    public String codecs() {
      return "avc1." + HexFormat.of().formatHex(avcC, 1, 4);
    }
  }

  /**
   * H.265 with its HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 8.3.3.1). The picture size is
   * the caller's (onMetaData, or the transcoder that made the rendition): the H.265 SPS is not
   * parsed here.
   */
  record Hevc(byte[] hvcC, int width, int height) implements TrackFormat {
    public Hevc {
      hvcC = hvcC.clone();
      HevcCodecs.check(hvcC);
      checkPictureSize(width, height);
    }

    @Override
    public byte[] hvcC() {
      return hvcC.clone();
    }

    @Override
    public int timescale() {
      return VIDEO_TIMESCALE;
    }

    @Override
    public boolean isVideo() {
      return true;
    }

    @Override
    public String codecs() {
      return HevcCodecs.of(hvcC);
    }
  }

  /** AV1 with its AV1CodecConfigurationRecord (AV1 Codec ISO Media File Format Binding 2.3). */
  record Av1(byte[] av1C, int width, int height) implements TrackFormat {
    public Av1 {
      av1C = av1C.clone();
      if (av1C.length < 4 || (av1C[0] & 0xFF) != 0x81) {
        throw new MediaFormatException(
            "av1C marker and version",
            av1C.length == 0 ? "missing" : av1C[0] & 0xFF,
            "must be 0x81 and start a record of at least 4 bytes");
      }
      checkPictureSize(width, height);
    }

    @Override
    public byte[] av1C() {
      return av1C.clone();
    }

    @Override
    public int timescale() {
      return VIDEO_TIMESCALE;
    }

    @Override
    public boolean isVideo() {
      return true;
    }

    /** "av01.P.LLT.DD" (AV1 ISO binding, Codecs Parameter String) from seq_profile etc. */
    @Override
    public String codecs() {
      int profile = (av1C[1] & 0xE0) >> 5;
      int level = av1C[1] & 0x1F;
      char tier = (av1C[2] & 0x80) != 0 ? 'H' : 'M';
      boolean high = (av1C[2] & 0x40) != 0;
      boolean twelve = (av1C[2] & 0x20) != 0;
      int depth = high ? (twelve ? 12 : 10) : 8;
      return String.format("av01.%d.%02d%c.%02d", profile, level, tier, depth);
    }
  }

  /** AAC with its AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1); the timescale is the rate. */
  record Aac(byte[] audioSpecificConfig, int sampleRate, int channels) implements TrackFormat {
    public Aac {
      audioSpecificConfig = audioSpecificConfig.clone();
      AudioSpecificConfig.parse(audioSpecificConfig);
      if (sampleRate <= 0 || channels <= 0 || channels > 255) {
        throw new MediaFormatException(
            "AAC sample rate and channels", sampleRate + " Hz, " + channels, "must be positive");
      }
    }

    @Override
    public byte[] audioSpecificConfig() {
      return audioSpecificConfig.clone();
    }

    /** The parsed configuration: object type and samples per access unit. */
    public AudioSpecificConfig config() {
      return AudioSpecificConfig.parse(audioSpecificConfig);
    }

    @Override
    public int timescale() {
      return sampleRate;
    }

    @Override
    public boolean isVideo() {
      return false;
    }

    /** "mp4a.40." and the audio object type (RFC 6381 3.3, ISO/IEC 14496-1 objectType 0x40). */
    @Override
    public String codecs() {
      return "mp4a.40." + config().objectType();
    }
  }

  private static void checkPictureSize(int width, int height) {
    // tkhd and VisualSampleEntry hold the size in 16 bits (ISO/IEC 14496-12 8.3.2, 12.1.3).
    if (width <= 0 || height <= 0 || width > 0xFFFF || height > 0xFFFF) {
      throw new MediaFormatException(
          "picture size", width + " x " + height, "must be 1 to 65535 in each direction");
    }
  }
}
