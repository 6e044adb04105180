package io.onair.streaming.media.live;

import io.onair.rtmp.api.MediaFrame;

/**
 * What a {@link LivePackager} passes on of the frames it packages, with the media time it gave
 * each: the transcoder's input. Every rendition made from these frames then shares the source's
 * media time, so their segments start where the source's do. Called on the packaging thread; it
 * must not block.
 */
public interface FrameTap {

  /** A configuration the packager took (the first, or a changed one), in feed order. */
  void configured(MediaFrame config);

  /**
   * A frame the packager took, at {@code mediaMillis} (milliseconds since media time 0, after any
   * shift for a reconnected encoder; never negative).
   */
  void frame(MediaFrame frame, long mediaMillis);

  /**
   * The source ended and its last segments were completed; returns once what was made from the
   * frames has been delivered, so the broadcast's end comes after every rendition's.
   */
  void ended();

  /** Taps nothing: a packager with no transcoder. */
  FrameTap NONE =
      new FrameTap() {
        @Override
        public void configured(MediaFrame config) {}

        @Override
        public void frame(MediaFrame frame, long mediaMillis) {}

        @Override
        public void ended() {}
      };
}
