package io.onair.rtmp.api;

/**
 * The message-listener interface of the RTMP resource adapter: a message-driven bean implementing
 * it decides who may publish and who may play, and learns when a publish ends.
 *
 * <p>The adapter calls these methods inside a {@code Work} on the application server's WorkManager,
 * never on a network thread, so an implementation may use transactions and the database. Media
 * frames never pass through this interface; only control decisions do.
 */
public interface RtmpListener {

  /** Decides whether a client may publish with the stream key it presented. */
  PublishDecision onPublish(PublishRequest request);

  /** Tells that an accepted publish has ended, cleanly or not. */
  void onPublishEnded(PublishEnded event);

  /**
   * Decides whether a client may play a channel with the viewer token it presented. Whether the
   * channel is live is the adapter's business: it answers NetStream.Play.StreamNotFound after an
   * allowed play of a channel nobody publishes.
   */
  PlayDecision onPlay(PlayRequest request);
}
