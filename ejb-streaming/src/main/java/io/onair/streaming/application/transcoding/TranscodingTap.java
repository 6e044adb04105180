package io.onair.streaming.application.transcoding;

import io.onair.rtmp.api.MediaFrame;
import io.onair.streaming.media.EncoderMetadata;
import io.onair.streaming.media.cmaf.MediaFormatException;
import io.onair.streaming.media.cmaf.SegmentPolicy;
import io.onair.streaming.media.cmaf.TrackFormat;
import io.onair.streaming.media.live.FrameTap;
import io.onair.streaming.media.live.LivePackager;
import io.onair.streaming.media.transcode.FfmpegArguments;
import io.onair.streaming.media.transcode.PlannedRung;
import io.onair.streaming.media.transcode.SourceVideo;
import io.onair.streaming.media.transcode.TimedFrame;
import io.onair.streaming.media.transcode.TranscodeLadder;
import io.onair.streaming.media.transcode.TranscodePlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A broadcast's source frames, as its packager passes them on, and the decision to transcode them.
 * Nothing happens until the source's first frame, when the packager has every configuration it
 * starts the tracks with: the video's picture size and the frame rate its encoder declared give the
 * {@link TranscodePlan}, and ffmpeg gets the source from that very frame, so each rung starts at
 * the source's media time 0 and cuts its segments at the same key frames, with the same numbers. A
 * plan with rungs then takes one of the server's transcoding slots and starts a {@link
 * TranscodeJob}; without a slot, or without ffmpeg, the broadcast plays its source alone, and
 * administrators see why.
 *
 * <p>Called on the source's packaging thread; never blocks it but at the end ({@link #ended()}).
 */
final class TranscodingTap implements FrameTap {

  private static final Logger LOG = Logger.getLogger(TranscodingTap.class.getName());

  private final long broadcastId;
  private final String channel;
  private final Supplier<TranscodeLadder> ladder;
  private final SegmentPolicy policy;
  private final TranscodedRenditions renditions;
  private final TranscodeJobs jobs;
  private final List<TimedFrame> configurations = new CopyOnWriteArrayList<>();
  private TranscodeJob job;
  private boolean decided;
  private long lastMillis;

  TranscodingTap(
      long broadcastId,
      String channel,
      Supplier<TranscodeLadder> ladder,
      SegmentPolicy policy,
      TranscodedRenditions renditions,
      TranscodeJobs jobs) {
    this.broadcastId = broadcastId;
    this.channel = channel;
    this.ladder = ladder;
    this.policy = policy;
    this.renditions = renditions;
    this.jobs = jobs;
  }

  @Override
  public void configured(MediaFrame config) {
    TimedFrame timed = new TimedFrame(config, lastMillis);
    // The latest of each track's configurations starts every new ffmpeg.
    configurations.removeIf(c -> c.frame().track() == config.track());
    configurations.add(timed);
    if (job != null) {
      job.offer(timed);
    }
  }

  @Override
  public void frame(MediaFrame frame, long mediaMillis) {
    lastMillis = mediaMillis;
    if (!decided) {
      decided = true;
      configurations.stream()
          .filter(c -> c.frame().track() == MediaFrame.Track.VIDEO)
          .findFirst()
          .ifPresent(video -> decide(video.frame()));
    }
    if (job != null) {
      job.offer(new TimedFrame(frame, mediaMillis));
    }
  }

  @Override
  public void ended() {
    if (job != null) {
      job.ended();
      jobs.finished(broadcastId);
    } else {
      jobs.forget(broadcastId);
    }
  }

  private void decide(MediaFrame videoConfig) {
    TranscodeLadder ladder = this.ladder.get();
    if (ladder.rungs().isEmpty()) {
      return; // transcoding is off, for the server or for this channel
    }
    SourceVideo source;
    try {
      source = source(videoConfig);
    } catch (MediaFormatException unreadable) {
      LOG.warning(() -> channel + ": source not transcoded: " + unreadable.getMessage());
      return;
    }
    TranscodePlan plan = TranscodePlan.of(source, ladder);
    if (plan.isEmpty()) {
      LOG.info(
          () ->
              channel
                  + ": the source ("
                  + source.width()
                  + "x"
                  + source.height()
                  + ") is no larger than any rung; published alone");
      return;
    }
    Map<String, LivePackager> rungs = new LinkedHashMap<>();
    for (PlannedRung rung : plan.rungs()) {
      renditions.declare(rung.name(), declared(rung));
      rungs.put(
          rung.name(),
          LivePackager.withOrigin(
              rung.name(),
              policy,
              renditions.rendition(),
              FfmpegArguments.OUTPUT_OFFSET.toMillis()));
    }
    job = jobs.start(broadcastId, channel, plan, rungs, configurations).orElse(null);
  }

  private SourceVideo source(MediaFrame videoConfig) {
    if (!videoConfig.codec().equals("avc1")) {
      throw new MediaFormatException("video codec", videoConfig.codec(), "is not transcoded");
    }
    byte[] avcc = new byte[videoConfig.size()];
    videoConfig.data().get(avcc);
    TrackFormat.Avc avc = TrackFormat.avc(avcc);
    return new SourceVideo(
        avc.width(),
        avc.height(),
        new EncoderMetadata(renditions.sourceMetadata()).exactFrameRate());
  }

  private static Map<String, Object> declared(PlannedRung rung) {
    return Map.of(
        "videodatarate", rung.rung().videoBitrate() / 1000.0,
        "audiodatarate", rung.rung().audioBitrate() / 1000.0,
        "framerate", rung.frameRate().toDouble());
  }
}
