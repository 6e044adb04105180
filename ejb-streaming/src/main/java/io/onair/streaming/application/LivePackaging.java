package io.onair.streaming.application;

import io.onair.rtmp.api.FeedEnd;
import io.onair.rtmp.api.LiveFeed;
import io.onair.rtmp.api.LiveFeedListener;
import io.onair.rtmp.api.MediaFrame;
import io.onair.streaming.media.live.LivePackager;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Runs one broadcast's packaging on a thread of its own (a managed executor's): sleeps until the
 * live feed says frames are waiting, hands them all to the {@link LivePackager}, and finishes the
 * tracks when the feed ends. The feed's callbacks run on the publisher's network thread, so they
 * only release a permit; the work happens here.
 */
public final class LivePackaging implements LiveFeedListener, Runnable {

  private static final Logger LOG = Logger.getLogger(LivePackaging.class.getName());

  /** How often the loop looks at the feed even unwoken: a safety net, not the pace. */
  private static final long RECHECK_SECONDS = 1;

  private final LivePackager packager;
  private final Semaphore wake = new Semaphore(0);
  private volatile LiveFeed feed;
  private volatile FeedEnd ended;

  public LivePackaging(LivePackager packager) {
    this.packager = Objects.requireNonNull(packager, "packager");
  }

  /** The feed subscribed with this as its listener; call before {@link #run()}. */
  public void attach(LiveFeed feed) {
    this.feed = Objects.requireNonNull(feed, "feed");
  }

  @Override
  public void available() {
    wake.release();
  }

  @Override
  public void ended(FeedEnd reason) {
    ended = reason;
    wake.release();
  }

  /** Packages until the feed ends or the thread is interrupted; the tracks are ended either way. */
  @Override
  public void run() {
    LiveFeed source = Objects.requireNonNull(feed, "attach the feed first");
    try {
      while (true) {
        drain(source);
        if (ended != null || !source.isOpen()) {
          drain(source); // what was queued before the end
          break;
        }
        wake.tryAcquire(RECHECK_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException stopped) {
      source.cancel();
      Thread.currentThread().interrupt();
    } finally {
      packager.end();
      long dropped = packager.droppedFrames();
      if (dropped > 0) {
        LOG.warning(() -> source.channel() + ": " + dropped + " frames could not be packaged");
      }
    }
  }

  private void drain(LiveFeed source) {
    for (MediaFrame frame = source.poll(); frame != null; frame = source.poll()) {
      packager.accept(frame);
    }
  }
}
