package io.onair.streaming.media.transcode;

import io.onair.streaming.media.manifest.FrameRate;
import java.util.Objects;

/**
 * The source's picture as the transcoder plans for it: its coded size (from the AVC configuration)
 * and the frame rate its encoder announced or was measured at.
 */
public record SourceVideo(int width, int height, FrameRate frameRate) {

  public SourceVideo {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "source size must be positive, was " + width + "x" + height);
    }
    Objects.requireNonNull(frameRate, "frameRate");
  }

  int shortSide() {
    return Math.min(width, height);
  }

  boolean isPortrait() {
    return height > width;
  }
}
