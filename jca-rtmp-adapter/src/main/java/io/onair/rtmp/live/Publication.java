package io.onair.rtmp.live;

import io.onair.rtmp.flv.MediaTag;
import io.onair.rtmp.message.RtmpMessage;

/**
 * A publisher's handle on its stream. Only the current publication of a name has any effect: once
 * another publication took the name over, {@link #push} ignores messages and {@link #end()} does
 * nothing, so an encoder's stale connection cannot disturb the one that replaced it.
 *
 * <p>Push from one thread at a time (the publisher's connection); end from any thread.
 */
public final class Publication {

  private final LiveStream stream;

  Publication(LiveStream stream) {
    this.stream = stream;
  }

  public String streamName() {
    return stream.name();
  }

  /**
   * Sends a message to every subscriber of the stream. Never blocks: its cost is a tag header read
   * and a queue append per subscriber.
   *
   * @param message an audio, video or data message; its payload must not change afterwards
   * @return false when this publication is no longer current and the message was ignored
   * @throws io.onair.rtmp.protocol.ProtocolException when an audio or video tag is broken; nothing
   *     was sent, and the caller decides whether the publisher goes on
   * @throws IllegalArgumentException for commands, control and aggregate messages
   */
  public boolean push(RtmpMessage message) {
    return stream.push(this, message);
  }

  /**
   * Sends an audio or video message whose tag the caller has already read, so the media path reads
   * each tag header once.
   */
  public boolean push(RtmpMessage message, MediaTag tag) {
    return stream.push(this, message, MessageRole.of(message, tag));
  }

  /**
   * Ends the stream if this publication is still current: subscribers are closed, the name freed.
   */
  public void end() {
    stream.end(this);
  }

  /** Whether no other publication has taken the name over and this one has not ended. */
  public boolean isCurrent() {
    return stream.isCurrent(this);
  }
}
