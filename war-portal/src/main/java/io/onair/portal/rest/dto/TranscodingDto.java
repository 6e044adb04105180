package io.onair.portal.rest.dto;

import io.onair.streaming.application.transcoding.TranscodeStatus;
import io.onair.streaming.media.transcode.FfmpegProgress;
import java.util.List;

/**
 * The server's transcoding: its limit, and one entry per live broadcast. A broadcast over the limit
 * is listed with state {@code SOURCE_ONLY} and the reason in {@code detail}: that is the warning
 * administrators act on. Unknown values are left out of the JSON.
 */
public record TranscodingDto(int maxConcurrent, List<Job> jobs) {

  /**
   * One broadcast's transcoding; {@code speed} is ffmpeg's, 1.0 being real time; {@code bitrate}
   * (bit/s) and {@code frames} are its first rung's.
   */
  public record Job(
      long broadcastId,
      String channel,
      String state,
      String since,
      List<String> rungs,
      Long pid,
      Double speed,
      Double fps,
      Long bitrate,
      Long frames,
      int restarts,
      long droppedFrames,
      String detail) {

    static Job of(TranscodeStatus status) {
      FfmpegProgress progress = status.progress().orElse(null);
      return new Job(
          status.broadcastId(),
          status.channel(),
          status.state().name(),
          status.since().toString(),
          status.rungs(),
          status.pid().orElse(null),
          progress == null ? null : progress.speed().stream().boxed().findFirst().orElse(null),
          progress == null ? null : progress.fps().stream().boxed().findFirst().orElse(null),
          progress == null ? null : progress.bitrate().stream().boxed().findFirst().orElse(null),
          progress == null ? null : progress.frame().stream().boxed().findFirst().orElse(null),
          status.restarts(),
          status.droppedFrames(),
          status.detail().isEmpty() ? null : status.detail());
    }
  }

  public static TranscodingDto of(int maxConcurrent, List<TranscodeStatus> statuses) {
    return new TranscodingDto(maxConcurrent, statuses.stream().map(Job::of).toList());
  }
}
