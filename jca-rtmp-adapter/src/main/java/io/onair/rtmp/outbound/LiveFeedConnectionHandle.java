package io.onair.rtmp.outbound;

import io.onair.rtmp.api.LiveFeed;
import io.onair.rtmp.api.LiveFeedConnection;
import io.onair.rtmp.api.LiveFeedListener;
import io.onair.rtmp.live.Subscription;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connection handle an application holds: {@link LiveFeedConnection} over the managed
 * connection it currently sits on. It owns the feeds it subscribed; closing it, or the server
 * cleaning up its managed connection, cancels them.
 *
 * <p>Thread-safe: an application may subscribe from one thread and close from another, and the hub
 * ends feeds on publishers' threads.
 */
final class LiveFeedConnectionHandle implements LiveFeedConnection {

  private final Set<HubFeed> feeds = ConcurrentHashMap.newKeySet();
  private volatile LiveFeedManagedConnection managed;
  private volatile boolean closed;

  LiveFeedConnectionHandle(LiveFeedManagedConnection managed) {
    this.managed = managed;
  }

  @Override
  public Optional<LiveFeed> subscribe(String channel, LiveFeedListener listener) {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(listener, "listener");
    requireOpen();
    HubFeed feed = new HubFeed(channel, listener, feeds::remove);
    Optional<Subscription> subscription = managed.hub().subscribe(channel, feed.subscriber());
    if (subscription.isEmpty()) {
      return Optional.empty();
    }
    feed.attach(subscription.get());
    feeds.add(feed);
    // The hub may have ended the feed before it was added here; and a close racing with this
    // subscribe must not leave a feed behind it.
    if (!feed.isOpen()) {
      feeds.remove(feed);
    }
    if (closed) {
      feed.cancel();
    }
    return Optional.of(feed);
  }

  @Override
  public boolean isLive(String channel) {
    requireOpen();
    return managed.hub().isLive(channel);
  }

  /** Cancels the feeds, then tells the server, once; closing again does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    cancelFeeds();
    managed.closed(this);
  }

  /** How many feeds of this handle are open. */
  int openFeeds() {
    return feeds.size();
  }

  /** The server moves this handle to another managed connection; its feeds stay with it. */
  void moveTo(LiveFeedManagedConnection target) {
    LiveFeedManagedConnection from = managed;
    if (from == target) {
      return;
    }
    from.detach(this);
    managed = target;
    target.attach(this);
  }

  /** The server took the managed connection back: this handle is dead, without an event. */
  void invalidate() {
    closed = true;
    cancelFeeds();
  }

  private void cancelFeeds() {
    for (HubFeed feed : feeds) {
      feed.cancel();
    }
    feeds.clear();
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("this live feed connection is closed");
    }
  }
}
