package io.onair.rtmp.session;

import io.onair.rtmp.message.RtmpMessage;

/**
 * What a session does with the messages that are not its own protocol control: commands, data and
 * media. Called on the connection's reading thread, one message at a time.
 */
public interface MessageHandler {

  /** Handles one message; a {@link io.onair.rtmp.protocol.ProtocolException} closes the session. */
  void onMessage(RtmpSession session, RtmpMessage message);

  /** The connection is gone, for whatever reason; release what the session held. */
  void onClose(RtmpSession session);
}
