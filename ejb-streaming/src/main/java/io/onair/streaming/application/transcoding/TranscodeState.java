package io.onair.streaming.application.transcoding;

/** Where a broadcast's transcoding is. */
public enum TranscodeState {
  /** ffmpeg is being started, or has not produced its first frame yet. */
  STARTING,
  /** ffmpeg produces the rungs. */
  RUNNING,
  /** ffmpeg crashed or stalled and waits to be started again; the source keeps playing. */
  RESTARTING,
  /** ffmpeg cannot be run for this broadcast; the source plays alone. */
  FAILED,
  /** The broadcast ended, or the server stops; ffmpeg is gone. */
  STOPPED,
  /**
   * Not transcoded: the server's maximum of concurrent transcodes was reached, or no ffmpeg is
   * available; the source plays alone.
   */
  SOURCE_ONLY
}
