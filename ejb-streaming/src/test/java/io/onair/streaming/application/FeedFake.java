package io.onair.streaming.application;

import io.onair.rtmp.api.FeedEnd;
import io.onair.rtmp.api.LiveFeed;
import io.onair.rtmp.api.LiveFeedListener;
import io.onair.rtmp.api.MediaFrame;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;

/**
 * A live feed a test fills by hand, keeping the adapter's contract: the listener hears of a frame
 * only when the consumer has drained the feed, and hears of the end.
 */
final class FeedFake implements LiveFeed {

  private final ArrayDeque<MediaFrame> frames = new ArrayDeque<>();
  private LiveFeedListener listener;
  private Map<String, Object> metadata = Map.of();
  private boolean drained;
  private FeedEnd ended;

  synchronized void listenWith(LiveFeedListener listener) {
    this.listener = listener;
  }

  void offer(MediaFrame frame) {
    boolean wake;
    synchronized (this) {
      frames.add(frame);
      wake = drained;
      drained = false;
    }
    if (wake) {
      listener.available();
    }
  }

  void end() {
    synchronized (this) {
      ended = FeedEnd.PUBLISHER_ENDED;
    }
    listener.ended(FeedEnd.PUBLISHER_ENDED);
  }

  synchronized void metadata(Map<String, Object> metadata) {
    this.metadata = metadata;
  }

  @Override
  public String channel() {
    return "town-hall";
  }

  @Override
  public synchronized MediaFrame poll() {
    MediaFrame frame = frames.poll();
    drained = frame == null;
    return frame;
  }

  @Override
  public void cancel() {}

  @Override
  public synchronized boolean isOpen() {
    return ended == null;
  }

  @Override
  public synchronized Optional<FeedEnd> endReason() {
    return Optional.ofNullable(ended);
  }

  @Override
  public synchronized Map<String, Object> metadata() {
    return metadata;
  }
}
