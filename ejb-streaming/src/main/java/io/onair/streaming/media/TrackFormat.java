package io.onair.streaming.media;

import io.onair.rtmp.api.MediaFrame.Track;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one track of a live feed carries, as operators and manifests name it.
 *
 * @param track video or audio
 * @param fourCc the codec's FourCC, as the feed names it ({@code avc1}, {@code mp4a}, {@code
 *     hvc1}...)
 * @param codec the RFC 6381 {@code codecs} value (the CODECS of HLS, the codecs of DASH), read from
 *     the track's configuration: {@code avc1.PPCCLL} from the AVCDecoderConfigurationRecord
 *     (ISO/IEC 14496-15 5.3.3.1), {@code mp4a.40.N} from the AudioSpecificConfig (ISO/IEC 14496-3
 *     1.6.2.1). The FourCC alone for other codecs, or without a configuration
 * @param width video width in pixels as the encoder declared it in {@code onMetaData}; null if not
 * @param height video height in pixels, likewise
 * @param frameRate video frames per second, likewise
 * @param sampleRate audio samples per second, from the AudioSpecificConfig; null for other codecs
 * @param channels audio channels, likewise
 */
public record TrackFormat(
    Track track,
    String fourCc,
    String codec,
    Integer width,
    Integer height,
    Double frameRate,
    Integer sampleRate,
    Integer channels) {

  private static final int[] SAMPLE_RATES = {
    96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350
  };

  public TrackFormat {
    Objects.requireNonNull(track, "track");
    Objects.requireNonNull(fourCc, "fourCc");
    Objects.requireNonNull(codec, "codec");
  }

  /**
   * A video track.
   *
   * @param config the codec bytes of its configuration frame, if one came
   * @param metadata the feed's {@code onMetaData} properties
   */
  public static TrackFormat video(
      String fourCc, Optional<ByteBuffer> config, Map<String, Object> metadata) {
    String codec = fourCc;
    if (fourCc.equals("avc1") && config.isPresent()) {
      ByteBuffer avcC = config.get().slice();
      // configurationVersion 1, then AVCProfileIndication, profile_compatibility,
      // AVCLevelIndication.
      if (avcC.remaining() >= 4 && avcC.get(0) == 1) {
        codec = String.format("avc1.%02x%02x%02x", avcC.get(1), avcC.get(2), avcC.get(3));
      }
    }
    return new TrackFormat(
        Track.VIDEO,
        fourCc,
        codec,
        whole(metadata.get("width")),
        whole(metadata.get("height")),
        number(metadata.getOrDefault("framerate", metadata.get("fps"))),
        null,
        null);
  }

  /**
   * An audio track.
   *
   * @param config the codec bytes of its configuration frame, if one came
   */
  public static TrackFormat audio(String fourCc, Optional<ByteBuffer> config) {
    if (fourCc.equals("mp4a") && config.isPresent() && config.get().remaining() >= 2) {
      return aac(config.get());
    }
    return new TrackFormat(Track.AUDIO, fourCc, fourCc, null, null, null, null, null);
  }

  /** Reads the AudioSpecificConfig's object type, sampling frequency and channel configuration. */
  private static TrackFormat aac(ByteBuffer config) {
    Bits bits = new Bits(config.slice());
    int objectType = bits.read(5);
    if (objectType == 31) {
      objectType = 32 + bits.read(6);
    }
    int frequencyIndex = bits.read(4);
    Integer sampleRate;
    if (frequencyIndex == 0x0F) {
      sampleRate = bits.read(24);
    } else {
      sampleRate = frequencyIndex < SAMPLE_RATES.length ? SAMPLE_RATES[frequencyIndex] : null;
    }
    int channels = bits.read(4);
    return new TrackFormat(
        Track.AUDIO,
        "mp4a",
        "mp4a.40." + objectType,
        null,
        null,
        null,
        bits.overrun() ? null : sampleRate,
        bits.overrun() || channels == 0 ? null : channels);
  }

  private static Integer whole(Object value) {
    return value instanceof Number n && n.doubleValue() > 0
        ? (int) Math.round(n.doubleValue())
        : null;
  }

  private static Double number(Object value) {
    return value instanceof Number n && n.doubleValue() > 0 ? n.doubleValue() : null;
  }

  /** MSB-first bits of a buffer; reading past its end gives zeros and marks the overrun. */
  private static final class Bits {
    private final ByteBuffer bytes;
    private int at;
    private boolean overrun;

    Bits(ByteBuffer bytes) {
      this.bytes = bytes;
    }

    int read(int count) {
      int value = 0;
      for (int i = 0; i < count; i++, at++) {
        int index = at >> 3;
        int bit = 0;
        if (index < bytes.limit()) {
          bit = (bytes.get(index) >> (7 - (at & 7))) & 1;
        } else {
          overrun = true;
        }
        value = value << 1 | bit;
      }
      return value;
    }

    boolean overrun() {
      return overrun;
    }
  }
}
