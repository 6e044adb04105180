package io.onair.streaming.management;

import java.util.List;

/**
 * This server's transcoding, for JMX consoles (JConsole, VisualVM, Payara's monitoring): {@value
 * #OBJECT_NAME}.
 */
public interface TranscodingMXBean {

  String OBJECT_NAME = "io.onair:type=Transcoding";

  /** {@code onair.transcode.max-concurrent}. */
  int getMaxConcurrent();

  /** Broadcasts with an ffmpeg job (starting, running or restarting). */
  int getTranscoding();

  /** Broadcasts that play their source only: over the maximum, or without ffmpeg. */
  int getSourceOnly();

  /** One row per broadcast: state, rungs, ffmpeg's pid and progress, restarts. */
  List<TranscodeJobInfo> getJobs();
}
