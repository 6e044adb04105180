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

  /**
   * Records who publishes a broadcast.
   *
   * @return the session that published it until now (a takeover), or null
   */
  RtmpSession started(long broadcastId, RtmpSession session) {
    RtmpSession previous = byBroadcast.put(broadcastId, session);
    return previous == session ? null : previous;
  }

  /**
   * Forgets a publisher.
   *
   * @return false if another session has taken the broadcast over: its end is not this one's
   */
  boolean ended(long broadcastId, RtmpSession session) {
    return byBroadcast.remove(broadcastId, session);
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
