package io.onair.rtmp.command;

import io.onair.rtmp.session.RtmpSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections publishing right now, by broadcast: what an administrator stops, and what the
 * revocation of a key ends.
 */
public final class LivePublishers {

  private final Map<Long, RtmpSession> byBroadcast = new ConcurrentHashMap<>();

  void started(long broadcastId, RtmpSession session) {
    byBroadcast.put(broadcastId, session);
  }

  void ended(long broadcastId, RtmpSession session) {
    byBroadcast.remove(broadcastId, session);
  }

  /**
   * Closes the connection publishing a broadcast; its end is then reported like any other.
   *
   * @return false if no connection publishes that broadcast here
   */
  public boolean disconnect(long broadcastId) {
    RtmpSession session = byBroadcast.get(broadcastId);
    if (session == null) {
      return false;
    }
    session.close();
    return true;
  }

  public int count() {
    return byBroadcast.size();
  }
}
