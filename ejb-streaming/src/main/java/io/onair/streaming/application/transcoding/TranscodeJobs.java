package io.onair.streaming.application.transcoding;

import io.onair.streaming.infrastructure.ffmpeg.Ffmpeg;
import io.onair.streaming.infrastructure.ffmpeg.FfmpegProgram;
import io.onair.streaming.media.cmaf.SegmentPolicy;
import io.onair.streaming.media.live.FrameTap;
import io.onair.streaming.media.live.LivePackager;
import io.onair.streaming.media.transcode.FrameBacklog;
import io.onair.streaming.media.transcode.TimedFrame;
import io.onair.streaming.media.transcode.TranscodeLadder;
import io.onair.streaming.media.transcode.TranscodePlan;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The transcoding of this server's live broadcasts: at most {@code onair.transcode.max-concurrent}
 * ffmpeg jobs at once, each on the {@code concurrent/onair-transcoding} executor with its threads;
 * a broadcast beyond the limit plays its source alone, with a warning in the log and in {@link
 * #statuses()}, which administrators read through the REST API and JMX.
 */
@ApplicationScoped
public class TranscodeJobs {

  private static final Logger LOG = Logger.getLogger(TranscodeJobs.class.getName());

  /** How far ffmpeg may fall behind the source before frames are skipped to a key frame. */
  private static final Duration MAX_LAG = Duration.ofSeconds(3);

  /** And how many bytes may wait for it, whatever their duration. */
  private static final long MAX_BACKLOG_BYTES = 32L * 1024 * 1024;

  @Resource(lookup = "concurrent/onair-transcoding")
  private ManagedExecutorService executor;

  @Inject private TranscodeSettings settings;
  @Inject private Ffmpeg ffmpeg;
  @Inject private ChannelLadders ladders;

  private final ConcurrentMap<Long, TranscodeJob> jobs = new ConcurrentHashMap<>();
  private final ConcurrentMap<Long, TranscodeStatus> sourceOnly = new ConcurrentHashMap<>();

  /**
   * The tap a broadcast's source packager feeds; it transcodes once the source's first video
   * configuration shows what the channel's ladder makes of it.
   */
  public FrameTap tapFor(
      long broadcastId, String channel, SegmentPolicy policy, TranscodedRenditions renditions) {
    // Looked up when the source's first configuration arrives, once, not per subscription attempt.
    Supplier<TranscodeLadder> ladder = () -> ladders.ladderOf(channel).orElse(settings.ladder());
    return new TranscodingTap(broadcastId, channel, ladder, policy, renditions, this);
  }

  /** Every broadcast being transcoded, or refused transcoding, on this server. */
  public List<TranscodeStatus> statuses() {
    return Stream.concat(
            jobs.values().stream().map(TranscodeJob::status), sourceOnly.values().stream())
        .sorted(Comparator.comparingLong(TranscodeStatus::broadcastId))
        .toList();
  }

  /** The maximum of concurrent transcodes, for the management views. */
  public int maxConcurrent() {
    return settings.maxConcurrent();
  }

  /** Starts a job for {@code plan} if a slot and ffmpeg are free; else records why not. */
  synchronized Optional<TranscodeJob> start(
      long broadcastId,
      String channel,
      TranscodePlan plan,
      Map<String, LivePackager> rungs,
      List<TimedFrame> configurations) {
    Optional<FfmpegProgram> program = ffmpeg.program();
    String refused = null;
    if (program.isEmpty()) {
      refused = "no usable ffmpeg (the server log says why)";
    } else if (running() >= settings.maxConcurrent()) {
      refused =
          "this server already transcodes its maximum of "
              + settings.maxConcurrent()
              + " broadcasts (onair.transcode.max-concurrent)";
    }
    if (refused != null) {
      String why = refused;
      LOG.warning(
          () -> "Broadcast " + broadcastId + " of " + channel + " plays its source only: " + why);
      sourceOnly.put(
          broadcastId,
          TranscodeStatus.sourceOnly(broadcastId, channel, Clock.systemUTC().instant(), why));
      return Optional.empty();
    }
    TranscodeJob job =
        new TranscodeJob(
            broadcastId,
            channel,
            plan,
            program.get(),
            settings,
            new FrameBacklog(MAX_LAG, MAX_BACKLOG_BYTES),
            rungs,
            configurations,
            executor,
            Clock.systemUTC());
    jobs.put(broadcastId, job);
    executor.submit(job);
    return Optional.of(job);
  }

  /** Jobs that hold a slot: a job that gave up ({@code FAILED}) leaves its slot to others. */
  private long running() {
    return jobs.values().stream()
        .filter(job -> job.status().state() != TranscodeState.FAILED)
        .count();
  }

  /** The broadcast ended and its job with it. */
  void finished(long broadcastId) {
    jobs.remove(broadcastId);
  }

  /** The broadcast ended without a job. */
  void forget(long broadcastId) {
    sourceOnly.remove(broadcastId);
  }

  @PreDestroy
  void stopAll() {
    jobs.values().forEach(TranscodeJob::stop);
  }
}
