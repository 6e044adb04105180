package io.onair.rtmp.outbound;

import io.onair.rtmp.api.FeedEnd;
import io.onair.rtmp.api.LiveFeed;
import io.onair.rtmp.api.LiveFeedListener;
import io.onair.rtmp.api.MediaFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A listener that counts the feed's calls; the test drains on its own thread. */
final class RecordingListener implements LiveFeedListener {

  final AtomicInteger available = new AtomicInteger();
  final List<FeedEnd> ended = new CopyOnWriteArrayList<>();

  @Override
  public void available() {
    available.incrementAndGet();
  }

  @Override
  public void ended(FeedEnd reason) {
    ended.add(reason);
  }

  /** Every frame waiting, polled until null. */
  static List<MediaFrame> drain(LiveFeed feed) {
    List<MediaFrame> frames = new ArrayList<>();
    for (MediaFrame frame = feed.poll(); frame != null; frame = feed.poll()) {
      frames.add(frame);
    }
    return frames;
  }

  static byte[] bytesOf(MediaFrame frame) {
    byte[] bytes = new byte[frame.size()];
    frame.data().get(bytes);
    return bytes;
  }
}
