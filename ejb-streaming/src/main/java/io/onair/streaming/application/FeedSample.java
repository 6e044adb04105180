package io.onair.streaming.application;

import io.onair.rtmp.api.FeedEnd;
import io.onair.rtmp.api.LiveFeed;
import io.onair.rtmp.api.LiveFeedListener;
import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.api.MediaFrame.Kind;
import io.onair.rtmp.api.MediaFrame.Track;
import io.onair.streaming.media.FeedTrack;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Reads the start of a live feed, the way any consumer of one must: poll until null, then wait to
 * be woken. The listener only releases a semaphore, since it runs on the publisher's thread.
 *
 * <p>A feed starts with the channel's configuration frames, then its last key frame: so by the
 * first frame that is no configuration, every configuration the channel has has come. What is
 * already queued behind it is read too, without waiting, for tracks that have no configuration
 * frame.
 */
final class FeedSample implements LiveFeedListener {

  /** Enough for the audio frames that come with the first video frames of a cached GOP. */
  private static final int FRAMES_AFTER_START = 256;

  private final Semaphore woken = new Semaphore(0);
  private final Map<Track, String> fourCcs = new EnumMap<>(Track.class);
  private final Map<Track, MediaFrame> configs = new EnumMap<>(Track.class);

  @Override
  public void available() {
    woken.release();
  }

  @Override
  public void ended(FeedEnd reason) {
    woken.release();
  }

  /** The tracks of the feed, video first, read for at most {@code wait}. */
  List<FeedTrack> read(LiveFeed feed, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    MediaFrame frame;
    while ((frame = next(feed, deadline)) != null && frame.kind() == Kind.CONFIG) {
      see(frame);
    }
    if (frame != null) {
      see(frame);
      for (int i = 0; i < FRAMES_AFTER_START && (frame = feed.poll()) != null; i++) {
        see(frame);
      }
    }
    List<FeedTrack> tracks = new ArrayList<>();
    for (Map.Entry<Track, String> track : fourCcs.entrySet()) {
      Optional<ByteBuffer> config =
          Optional.ofNullable(configs.get(track.getKey())).map(MediaFrame::data);
      tracks.add(
          track.getKey() == Track.VIDEO
              ? FeedTrack.video(track.getValue(), config, feed.metadata())
              : FeedTrack.audio(track.getValue(), config));
    }
    return tracks;
  }

  private void see(MediaFrame frame) {
    fourCcs.putIfAbsent(frame.track(), frame.codec());
    if (frame.kind() == Kind.CONFIG) {
      configs.put(frame.track(), frame);
    }
  }

  /** The next frame; null once the feed has ended and is drained, or at the deadline. */
  private MediaFrame next(LiveFeed feed, long deadline) throws InterruptedException {
    while (true) {
      MediaFrame frame = feed.poll();
      if (frame != null) {
        return frame;
      }
      long left = deadline - System.nanoTime();
      if (!feed.isOpen() || left <= 0 || !woken.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        return null;
      }
    }
  }
}
