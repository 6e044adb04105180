package io.onair.rtmp.outbound;

import io.onair.rtmp.api.FeedEnd;
import io.onair.rtmp.api.LiveFeed;
import io.onair.rtmp.api.LiveFeedListener;
import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.live.CloseReason;
import io.onair.rtmp.live.Subscriber;
import io.onair.rtmp.live.Subscription;
import io.onair.rtmp.message.RtmpMessage;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link LiveFeed} over one hub {@link Subscription}: the subscription's messages, each read once
 * by a {@link FrameReader} into a {@link MediaFrame}, and its callbacks passed on to the
 * application's listener.
 */
final class HubFeed implements LiveFeed {

  private final String channel;
  private final LiveFeedListener listener;
  private final Consumer<HubFeed> onEnd;
  private final FrameReader reader = new FrameReader();

  /** Set once, right after the hub subscribed, before the application sees the feed. */
  private volatile Subscription subscription;

  private volatile boolean cancelled;

  /**
   * @param onEnd told when the feed ends, however it ends, so its connection stops holding it
   */
  HubFeed(String channel, LiveFeedListener listener, Consumer<HubFeed> onEnd) {
    this.channel = channel;
    this.listener = listener;
    this.onEnd = onEnd;
  }

  /**
   * What the hub calls. The hub may call {@code closed} before {@link #attach}: the subscription's
   * own state then already says why, so nothing here depends on the order. A listener that throws
   * is let go by its connection here, and cancelled and logged by the hub.
   */
  Subscriber subscriber() {
    return new Subscriber() {
      @Override
      public void available() {
        try {
          listener.available();
        } catch (RuntimeException e) {
          onEnd.accept(HubFeed.this);
          throw e;
        }
      }

      @Override
      public void closed(CloseReason reason) {
        onEnd.accept(HubFeed.this);
        listener.ended(endOf(reason));
      }
    };
  }

  void attach(Subscription subscription) {
    this.subscription = subscription;
  }

  @Override
  public String channel() {
    return channel;
  }

  /** Skips what is no frame: data messages (metadata is kept), and tags the reader passes over. */
  @Override
  public MediaFrame poll() {
    while (true) {
      RtmpMessage message = subscription.poll();
      if (message == null) {
        return null;
      }
      Optional<MediaFrame> frame = reader.read(message, subscription.polledNewTimeline());
      if (frame.isPresent()) {
        return frame.get();
      }
    }
  }

  @Override
  public void cancel() {
    cancelled = true;
    subscription.cancel();
    onEnd.accept(this);
  }

  @Override
  public boolean isOpen() {
    return !cancelled && subscription.isOpen();
  }

  /**
   * The hub's reason when it closed the subscription; else cancelled, which also covers a
   * subscription the hub cancelled because the listener threw.
   */
  @Override
  public Optional<FeedEnd> endReason() {
    Optional<CloseReason> closed = subscription.closeReason();
    if (closed.isPresent()) {
      return Optional.of(endOf(closed.get()));
    }
    return isOpen() ? Optional.empty() : Optional.of(FeedEnd.CANCELLED);
  }

  @Override
  public Map<String, Object> metadata() {
    return reader.metadata();
  }

  @Override
  public String toString() {
    return "LiveFeed[" + channel + (isOpen() ? "" : ", ended " + endReason().orElseThrow()) + "]";
  }

  private static FeedEnd endOf(CloseReason reason) {
    return switch (reason) {
      case PUBLISHER_ENDED -> FeedEnd.PUBLISHER_ENDED;
      case SLOW_CONSUMER -> FeedEnd.SLOW_CONSUMER;
    };
  }
}
