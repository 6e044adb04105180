package io.onair.streaming.media.transcode;

import io.onair.rtmp.api.MediaFrame;
import java.util.Objects;

/**
 * A frame on its way to the transcoder, at the media time the source's packager gave it.
 *
 * @param mediaMillis milliseconds since media time 0; for a configuration, the media time of the
 *     frame before it (0 at the start), since a configuration has no time of its own
 */
public record TimedFrame(MediaFrame frame, long mediaMillis) {

  public TimedFrame {
    Objects.requireNonNull(frame, "frame");
    if (mediaMillis < 0) {
      throw new IllegalArgumentException("media time must not be negative, was " + mediaMillis);
    }
  }

  boolean isConfig() {
    return frame.kind() == MediaFrame.Kind.CONFIG;
  }

  boolean isVideoKeyFrame() {
    return frame.track() == MediaFrame.Track.VIDEO && frame.isKeyFrame();
  }
}
