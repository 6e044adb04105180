package io.onair.rtmp.live;

import io.onair.rtmp.message.RtmpMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One name's live stream: its current publication, what a joiner needs (headers, GOP cache) and its
 * subscriptions.
 *
 * <p><b>Threads.</b> One lock guards all of it. Push, subscribe, cancel, takeover and end each hold
 * it for a bounded, non-blocking stretch, so a joiner's start and the pushes around it reach the
 * joiner in order, with nothing lost or doubled. Within it a subscription's own lock may be taken
 * (stream, then subscription; never the other way). Subscriber callbacks run after it is released.
 * Once ended, a stream stays ended: a new publication on the name gets a new stream.
 */
final class LiveStream {

  private final String name;
  private final LiveLimits limits;
  private final Consumer<LiveStream> onEnd;

  private final Object lock = new Object();
  private final GopCache gop;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private Publication current;
  private boolean ended;
  private StreamHeaders headers = StreamHeaders.NONE;

  /** Whether video one can start from (a header or key frame) came; until then audio frames do. */
  private boolean hasVideo;

  private long messagesIn;
  private long bytesIn;

  LiveStream(String name, LiveLimits limits, Consumer<LiveStream> onEnd) {
    this.name = name;
    this.limits = limits;
    this.onEnd = onEnd;
    this.gop = new GopCache(limits.gopCacheMessages(), limits.gopCacheBytes());
  }

  String name() {
    return name;
  }

  /**
   * Makes a new publication current, taking over from the one before: its subscribers stay and wait
   * for the newcomer's first place to start. Empty once the stream has ended.
   */
  Optional<Publication> startPublication() {
    synchronized (lock) {
      if (ended) {
        return Optional.empty();
      }
      current = new Publication(this);
      headers = StreamHeaders.NONE;
      hasVideo = false;
      gop.drop();
      subscriptions.forEach(Subscription::awaitStart);
      return Optional.of(current);
    }
  }

  boolean push(Publication from, RtmpMessage message) {
    return push(from, message, MessageRole.of(message));
  }

  boolean push(Publication from, RtmpMessage message, MessageRole role) {
    Callbacks callbacks = new Callbacks();
    synchronized (lock) {
      if (from != current) {
        return false;
      }
      record(message, role);
      boolean startable =
          role == MessageRole.VIDEO_KEY_FRAME || (role == MessageRole.AUDIO_FRAME && !hasVideo);
      for (Iterator<Subscription> it = subscriptions.iterator(); it.hasNext(); ) {
        Subscription subscription = it.next();
        Subscription.Offer offer = subscription.offer(message, role, startable, headers);
        if (offer == Subscription.Offer.WAKE) {
          callbacks.wake(subscription);
        } else if (offer == Subscription.Offer.CLOSE) {
          it.remove();
          callbacks.closed(subscription);
        }
      }
    }
    callbacks.run();
    return true;
  }

  void end(Publication publication) {
    Callbacks callbacks = new Callbacks();
    synchronized (lock) {
      if (publication != current) {
        return;
      }
      current = null;
      ended = true;
      headers = StreamHeaders.NONE;
      gop.drop();
      for (Subscription subscription : subscriptions) {
        subscription.close(CloseReason.PUBLISHER_ENDED);
        callbacks.closed(subscription);
      }
      subscriptions.clear();
    }
    onEnd.accept(this);
    callbacks.run();
  }

  boolean isCurrent(Publication publication) {
    synchronized (lock) {
      return publication == current;
    }
  }

  boolean isLive() {
    synchronized (lock) {
      return current != null;
    }
  }

  /** Subscribes, starting from the cached GOP; empty when the stream is not live. */
  Optional<Subscription> subscribe(Subscriber subscriber) {
    synchronized (lock) {
      if (current == null) {
        return Optional.empty();
      }
      Subscription subscription = new Subscription(this, subscriber, limits);
      subscription.start(headers, gop.snapshot(), !hasVideo || gop.holding());
      subscriptions.add(subscription);
      return Optional.of(subscription);
    }
  }

  void remove(Subscription subscription) {
    synchronized (lock) {
      subscriptions.remove(subscription);
    }
  }

  StreamStats stats() {
    synchronized (lock) {
      return new StreamStats(
          name, subscriptions.size(), messagesIn, bytesIn, gop.messages(), gop.bytes());
    }
  }

  private void record(RtmpMessage message, MessageRole role) {
    messagesIn++;
    bytesIn += message.payload().length;
    if (role.isHeader()) {
      recordHeader(message, role);
    } else if (role == MessageRole.VIDEO_KEY_FRAME) {
      hasVideo = true;
      gop.startAt(message);
    } else {
      gop.append(message);
    }
  }

  /**
   * Keeps the stored instance when the bytes repeat (some encoders resend headers before every key
   * frame), so subscribers are not sent it again. A new video configuration makes the cached frames
   * undecodable for a joiner, so the GOP goes.
   */
  private void recordHeader(RtmpMessage message, MessageRole role) {
    RtmpMessage stored = headers.of(role);
    if (stored != null && Arrays.equals(stored.payload(), message.payload())) {
      return;
    }
    headers = headers.with(role, message);
    if (role == MessageRole.VIDEO_HEADER) {
      hasVideo = true;
      gop.drop();
    }
  }
}
