package io.onair.streaming.application.transcoding;

import io.onair.streaming.media.transcode.FfmpegProgress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What administrators see of one broadcast's transcoding.
 *
 * @param since when the job entered {@code state}
 * @param rungs the renditions being made besides the source, in the ladder's order
 * @param pid the running ffmpeg's process id
 * @param progress ffmpeg's latest progress report (speed, frames per second, bit rate)
 * @param restarts how often ffmpeg was started again after a crash or stall
 * @param droppedFrames source frames ffmpeg never got, because it was behind or restarting
 * @param detail why the job is where it is: the last failure, or why it is not transcoding
 */
public record TranscodeStatus(
    long broadcastId,
    String channel,
    TranscodeState state,
    Instant since,
    List<String> rungs,
    Optional<Long> pid,
    Optional<FfmpegProgress> progress,
    int restarts,
    long droppedFrames,
    String detail) {

  public TranscodeStatus {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
    rungs = List.copyOf(rungs);
    Objects.requireNonNull(pid, "pid");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(detail, "detail");
  }

  /** A broadcast that plays its source alone, and why. */
  static TranscodeStatus sourceOnly(
      long broadcastId, String channel, Instant since, String detail) {
    return new TranscodeStatus(
        broadcastId,
        channel,
        TranscodeState.SOURCE_ONLY,
        since,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        0,
        0,
        detail);
  }
}
