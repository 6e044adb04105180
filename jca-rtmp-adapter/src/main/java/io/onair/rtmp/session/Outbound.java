package io.onair.rtmp.session;

import java.nio.ByteBuffer;
import java.util.List;

/** Where a session's bytes go: the network connection, or a test's recorder. */
public interface Outbound {

  /** Queues bytes for the peer; never blocks. The buffer is not touched afterwards. */
  void send(ByteBuffer bytes);

  /**
   * Queues bytes for the peer as one write and runs {@code written} once the transport has taken
   * all of them: maybe on this thread before returning, maybe later on another. Never blocks. If
   * the connection fails first, {@code written} is not run; the connection's close follows.
   */
  void send(List<ByteBuffer> bytes, Runnable written);

  /** Closes the connection once what was queued has been written. */
  void close();
}
