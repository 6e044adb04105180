package io.onair.streaming.management;

import io.onair.streaming.application.transcoding.TranscodeStatus;
import io.onair.streaming.media.transcode.FfmpegProgress;
import java.beans.ConstructorProperties;

/**
 * One broadcast's transcoding as a JMX console shows it (an MXBean composite: getters only, plain
 * types, -1 or empty text where a value is unknown).
 */
public final class TranscodeJobInfo {

  private final long broadcastId;
  private final String channel;
  private final String state;
  private final String since;
  private final String rungs;
  private final long pid;
  private final double speed;
  private final double fps;
  private final double bitrateKbps;
  private final int restarts;
  private final long droppedFrames;
  private final String detail;

  @ConstructorProperties({
    "broadcastId",
    "channel",
    "state",
    "since",
    "rungs",
    "pid",
    "speed",
    "fps",
    "bitrateKbps",
    "restarts",
    "droppedFrames",
    "detail"
  })
  public TranscodeJobInfo(
      long broadcastId,
      String channel,
      String state,
      String since,
      String rungs,
      long pid,
      double speed,
      double fps,
      double bitrateKbps,
      int restarts,
      long droppedFrames,
      String detail) {
    this.broadcastId = broadcastId;
    this.channel = channel;
    this.state = state;
    this.since = since;
    this.rungs = rungs;
    this.pid = pid;
    this.speed = speed;
    this.fps = fps;
    this.bitrateKbps = bitrateKbps;
    this.restarts = restarts;
    this.droppedFrames = droppedFrames;
    this.detail = detail;
  }

  static TranscodeJobInfo of(TranscodeStatus status) {
    FfmpegProgress progress = status.progress().orElse(null);
    return new TranscodeJobInfo(
        status.broadcastId(),
        status.channel(),
        status.state().name(),
        status.since().toString(),
        String.join(",", status.rungs()),
        status.pid().orElse(-1L),
        progress == null ? -1 : progress.speed().orElse(-1),
        progress == null ? -1 : progress.fps().orElse(-1),
        progress == null ? -1 : progress.bitrate().orElse(-1) / 1000.0,
        status.restarts(),
        status.droppedFrames(),
        status.detail());
  }

  public long getBroadcastId() {
    return broadcastId;
  }

  public String getChannel() {
    return channel;
  }

  public String getState() {
    return state;
  }

  public String getSince() {
    return since;
  }

  public String getRungs() {
    return rungs;
  }

  public long getPid() {
    return pid;
  }

  public double getSpeed() {
    return speed;
  }

  public double getFps() {
    return fps;
  }

  public double getBitrateKbps() {
    return bitrateKbps;
  }

  public int getRestarts() {
    return restarts;
  }

  public long getDroppedFrames() {
    return droppedFrames;
  }

  public String getDetail() {
    return detail;
  }
}
