package io.onair.streaming.media.transcode;

import io.onair.streaming.media.manifest.FrameRate;
import java.util.Objects;

/**
 * A rung as a broadcast gets it: the configured {@link Rung} fitted to the source.
 *
 * @param width the encoded width: even, never more than the source's
 * @param height the encoded height: even, never more than the source's
 * @param frameRate the rung's frame rate: the source's, or the source's divided by a whole number
 *     when the rung's maximum is lower (every second frame of 60 fps for a 30 fps maximum)
 * @param dropsFrames whether frames are dropped to reach {@code frameRate}
 */
public record PlannedRung(
    Rung rung, int width, int height, FrameRate frameRate, boolean dropsFrames) {

  public PlannedRung {
    Objects.requireNonNull(rung, "rung");
    Objects.requireNonNull(frameRate, "frameRate");
    if (width < 2 || height < 2 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException(
          "rung " + rung.name() + ": size must be even, was " + width + "x" + height);
    }
  }

  public String name() {
    return rung.name();
  }
}
