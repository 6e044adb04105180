package io.onair.streaming.media;

import io.onair.rtmp.api.MediaFrame.Track;
import io.onair.streaming.media.cmaf.MediaFormatException;
import io.onair.streaming.media.cmaf.TrackFormat;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Supplier;

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
 * @param width video width in pixels: from the SPS for AVC, else as the encoder declared it in
 *     {@code onMetaData}; null if neither says
 * @param height video height in pixels, likewise
 * @param frameRate video frames per second, likewise
 * @param sampleRate audio samples per second, from the AudioSpecificConfig; null for other codecs
 * @param channels audio channels, likewise
 */
public record FeedTrack(
    Track track,
    String fourCc,
    String codec,
    Integer width,
    Integer height,
    Double frameRate,
    Integer sampleRate,
    Integer channels) {

  public FeedTrack {
    Objects.requireNonNull(track, "track");
    Objects.requireNonNull(fourCc, "fourCc");
    Objects.requireNonNull(codec, "codec");
  }

  /**
   * A video track. For AVC the codec string and the picture size come from the configuration (the
   * SPS is what the decoder will use); otherwise the size is what the encoder declared.
   *
   * @param config the codec bytes of its configuration frame, if one came
   * @param metadata the feed's {@code onMetaData} properties
   */
  public static FeedTrack video(
      String fourCc, Optional<ByteBuffer> config, Map<String, Object> metadata) {
    EncoderMetadata declared = new EncoderMetadata(metadata);
    Integer width = boxed(declared.width());
    Integer height = boxed(declared.height());
    String codec = fourCc;
    Optional<TrackFormat.Avc> avc =
        fourCc.equals("avc1")
            ? config.flatMap(c -> parsed(() -> TrackFormat.avc(bytes(c))))
            : Optional.empty();
    if (avc.isPresent()) {
      codec = avc.get().codecs();
      width = avc.get().width();
      height = avc.get().height();
    }
    OptionalDouble declaredRate = declared.frameRate();
    Double frameRate = declaredRate.isPresent() ? declaredRate.getAsDouble() : null;
    return new FeedTrack(Track.VIDEO, fourCc, codec, width, height, frameRate, null, null);
  }

  /**
   * An audio track.
   *
   * @param config the codec bytes of its configuration frame, if one came
   */
  public static FeedTrack audio(String fourCc, Optional<ByteBuffer> config) {
    Optional<TrackFormat.Aac> aac =
        fourCc.equals("mp4a")
            ? config.flatMap(c -> parsed(() -> TrackFormat.aac(bytes(c))))
            : Optional.empty();
    return aac.map(
            a ->
                new FeedTrack(
                    Track.AUDIO,
                    fourCc,
                    a.codecs(),
                    null,
                    null,
                    null,
                    a.sampleRate(),
                    a.channels()))
        .orElseGet(() -> new FeedTrack(Track.AUDIO, fourCc, fourCc, null, null, null, null, null));
  }

  /** A configuration the packager could not read is reported by its FourCC alone. */
  private static <T> Optional<T> parsed(Supplier<T> parse) {
    try {
      return Optional.of(parse.get());
    } catch (MediaFormatException unreadable) {
      return Optional.empty();
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  private static Integer boxed(OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : null;
  }
}
