package io.onair.rtmp.api;

import java.util.Optional;

/**
 * An application's connection to the adapter's live hub, from {@link LiveFeedFactory}. Its methods
 * may be called from any thread and none blocks. Once closed, they throw {@link
 * IllegalStateException}.
 */
public interface LiveFeedConnection extends AutoCloseable {

  /**
   * Subscribes to the frames of a live channel. The feed may already hold the channel's start (its
   * configuration frames, then the frames since the last key frame): poll it at once, until null,
   * before waiting for {@link LiveFeedListener#available()}.
   *
   * @param channel the channel name, as the publish decision accepted it
   * @param listener told when frames are waiting and when the feed ends; it runs on the publisher's
   *     thread and must not block
   * @return empty when nobody publishes on that channel right now
   */
  Optional<LiveFeed> subscribe(String channel, LiveFeedListener listener);

  /** Whether someone publishes on the channel right now, on this server. */
  boolean isLive(String channel);

  /** Cancels every feed of this connection and gives the connection back to the server's pool. */
  @Override
  void close();
}
