package io.onair.rtmp.live;

import io.onair.rtmp.message.RtmpMessage;
import java.util.List;

/**
 * The messages since the last video key frame, the key frame first, audio and data interleaved as
 * they arrived: what a player joining mid-stream decodes from. Sequence headers and metadata are
 * kept apart ({@link StreamHeaders}) since they outlive any one GOP.
 *
 * <p>A GOP that outgrows the bounds is dropped whole rather than trimmed: without its key frame the
 * rest is undecodable. The cache then stays empty until the next key frame, so a source with a very
 * long keyframe interval costs a bounded amount of memory and its joiners wait for a key frame
 * instead. Not thread-safe; the stream's lock guards it.
 */
final class GopCache {

  private final MessageQueue messages;
  private boolean holding;

  GopCache(int maxMessages, long maxBytes) {
    messages = new MessageQueue(maxMessages, maxBytes);
  }

  /** Starts a new GOP at a key frame, forgetting the previous one. */
  void startAt(RtmpMessage keyFrame) {
    messages.clear(m -> {});
    holding = messages.fits(keyFrame);
    if (holding) {
      messages.add(keyFrame);
    }
  }

  /** Adds a message to the current GOP; ignored while there is none. */
  void append(RtmpMessage message) {
    if (!holding) {
      return;
    }
    if (messages.fits(message)) {
      messages.add(message);
    } else {
      drop();
    }
  }

  /** Forgets the GOP until the next key frame. */
  void drop() {
    messages.clear(m -> {});
    holding = false;
  }

  /** Whether a joiner can start here: the cache holds a GOP from its key frame. */
  boolean holding() {
    return holding;
  }

  /** The GOP from its key frame; empty when not {@link #holding()}. */
  List<RtmpMessage> snapshot() {
    return messages.snapshot();
  }

  int messages() {
    return messages.size();
  }

  long bytes() {
    return messages.bytes();
  }
}
