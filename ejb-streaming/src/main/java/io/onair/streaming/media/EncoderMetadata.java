package io.onair.streaming.media;

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
