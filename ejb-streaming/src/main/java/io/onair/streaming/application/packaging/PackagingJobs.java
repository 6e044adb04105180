package io.onair.streaming.application.packaging;

import io.onair.rtmp.api.LiveFeed;
import io.onair.rtmp.api.LiveFeedConnection;
import io.onair.streaming.application.LivePackaging;
import io.onair.streaming.application.live.LiveWindows;
import io.onair.streaming.application.recording.Recorder;
import io.onair.streaming.application.transcoding.TranscodeJobs;
import io.onair.streaming.infrastructure.rtmp.LiveFeeds;
import io.onair.streaming.media.live.LivePackager;
import io.onair.streaming.media.transcode.TranscodePlan;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The packaging of live broadcasts: one job per broadcast on the packaging executor, from the
 * accepted publish to the end of its feed. An encoder that reconnects continues the same broadcast,
 * whose job is already running (the hub keeps its feed through the takeover), so a broadcast never
 * has two.
 */
@ApplicationScoped
public class PackagingJobs {

  private static final Logger LOG = Logger.getLogger(PackagingJobs.class.getName());

  /**
   * The adapter opens the channel's publication only once the publish decision has returned to it,
   * so the job may look a little before the channel is live.
   */
  private static final Duration LIVE_WITHIN = Duration.ofSeconds(15);

  @Resource(lookup = "concurrent/onair-packaging")
  private ManagedExecutorService executor;

  @Inject private LiveFeeds feeds;
  @Inject private Recorder recorder;
  @Inject private LiveWindows windows;
  @Inject private PackagingSettings settings;
  @Inject private TranscodeJobs transcoding;

  private final ConcurrentMap<Long, Future<?>> running = new ConcurrentHashMap<>();

  /** Starts packaging a broadcast that was just accepted, unless it is packaged already. */
  public void start(long broadcastId, String channel) {
    running.computeIfAbsent(
        broadcastId, id -> executor.submit(() -> packageBroadcast(broadcastId, channel)));
  }

  /** How many broadcasts are being packaged on this server. */
  public int count() {
    return running.size();
  }

  @PreDestroy
  void stopAll() {
    running.values().forEach(job -> job.cancel(true));
  }

  private void packageBroadcast(long broadcastId, String channel) {
    try (LiveFeedConnection connection = feeds.connect()) {
      Optional<LivePackaging> packaging = subscribe(connection, broadcastId, channel);
      if (packaging.isPresent()) {
        LOG.info(() -> "Packaging broadcast " + broadcastId + " of " + channel);
        packaging.get().run();
        LOG.info(() -> "Packaged broadcast " + broadcastId + " of " + channel + " to its end");
      } else {
        LOG.warning(() -> channel + " did not go live; broadcast " + broadcastId + " not packaged");
      }
    } catch (Exception e) {
      LOG.log(Level.SEVERE, e, () -> "Packaging broadcast " + broadcastId + " failed");
    } finally {
      running.remove(broadcastId);
    }
  }

  private Optional<LivePackaging> subscribe(
      LiveFeedConnection connection, long broadcastId, String channel) throws InterruptedException {
    Instant deadline = Instant.now().plus(LIVE_WITHIN);
    while (Instant.now().isBefore(deadline)) {
      AtomicReference<LiveFeed> feed = new AtomicReference<>();
      PublishedTracks published =
          new PublishedTracks(
              broadcastId,
              channel,
              windows,
              recorder,
              () -> feed.get().metadata(),
              Clock.systemUTC(),
              executor);
      LivePackaging packaging =
          new LivePackaging(
              new LivePackager(
                  TranscodePlan.SOURCE,
                  settings.policy(),
                  published,
                  transcoding.tapFor(broadcastId, channel, settings.policy(), published)));
      Optional<LiveFeed> subscribed = connection.subscribe(channel, packaging);
      if (subscribed.isPresent()) {
        feed.set(subscribed.get());
        packaging.attach(subscribed.get());
        return Optional.of(packaging);
      }
      Thread.sleep(100);
    }
    return Optional.empty();
  }
}
