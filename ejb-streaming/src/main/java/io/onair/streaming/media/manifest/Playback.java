package io.onair.streaming.media.manifest;

/** What a viewer asked for; the writers map it to HLS playlist types and DASH MPD types. */
public enum Playback {
  /** Live, seekable within {@link LiveSettings#window()}. */
  LIVE_WINDOW,
  /** Live, starting at the first segment of the broadcast and seekable over all of it. */
  FROM_START,
  /** The recording of an ended broadcast (VOD). */
  REPLAY
}
