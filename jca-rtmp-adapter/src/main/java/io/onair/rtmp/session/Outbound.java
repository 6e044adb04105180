package io.onair.rtmp.session;

import java.nio.ByteBuffer;

/** Where a session's bytes go: the network connection, or a test's recorder. */
public interface Outbound {

  /** Queues bytes for the peer; never blocks. The buffer is not touched afterwards. */
  void send(ByteBuffer bytes);

  /** Closes the connection once what was queued has been written. */
  void close();
}
