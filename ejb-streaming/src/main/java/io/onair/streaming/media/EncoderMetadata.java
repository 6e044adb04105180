package io.onair.streaming.media;

import io.onair.streaming.media.manifest.FrameRate;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What an encoder declared about its stream in {@code onMetaData} (the FLV script data object,
 * E.4.2 of the FLV specification): the one reading of those names and units for every part that
 * uses them. Encoders fill in what they like, in numbers of any kind; missing, zero, negative or
 * non-numeric values count as not declared.
 */
public record EncoderMetadata(Map<String, Object> properties) {

  /** What to assume of an encoder that declares no frame rate: the most common live rate. */
  public static final FrameRate GUESSED_FRAME_RATE = FrameRate.of(30);

  public EncoderMetadata {
    // Not copied: AMF values may be null, which Map.copyOf refuses; the feed's map is read-only.
    Objects.requireNonNull(properties, "properties");
  }

  public OptionalInt width() {
    return whole("width");
  }

  public OptionalInt height() {
    return whole("height");
  }

  /** {@code framerate}, or {@code fps} as some encoders name it. */
  public OptionalDouble frameRate() {
    OptionalDouble frameRate = positive("framerate");
    return frameRate.isPresent() ? frameRate : positive("fps");
  }

  /**
   * The declared frame rate as the exact ratio it stands for ({@link FrameRate#nearest}), else
   * {@link #GUESSED_FRAME_RATE}.
   */
  public FrameRate exactFrameRate() {
    OptionalDouble declared = frameRate();
    return declared.isPresent() ? FrameRate.nearest(declared.getAsDouble()) : GUESSED_FRAME_RATE;
  }

  /** {@code videodatarate}, declared in kbit/s, in bit/s. */
  public OptionalLong videoBitsPerSecond() {
    return bitsPerSecond("videodatarate");
  }

  /** {@code audiodatarate}, declared in kbit/s, in bit/s. */
  public OptionalLong audioBitsPerSecond() {
    return bitsPerSecond("audiodatarate");
  }

  private OptionalLong bitsPerSecond(String name) {
    OptionalDouble kbps = positive(name);
    return kbps.isPresent()
        ? OptionalLong.of(Math.round(kbps.getAsDouble() * 1000))
        : OptionalLong.empty();
  }

  private OptionalInt whole(String name) {
    OptionalDouble value = positive(name);
    return value.isPresent()
        ? OptionalInt.of((int) Math.round(value.getAsDouble()))
        : OptionalInt.empty();
  }

  private OptionalDouble positive(String name) {
    return properties.get(name) instanceof Number n && n.doubleValue() > 0
        ? OptionalDouble.of(n.doubleValue())
        : OptionalDouble.empty();
  }
}
