package io.onair.streaming.domain.broadcast;

/** Where a broadcast is in its life. */
public enum BroadcastState {
  /** Media is arriving from the publisher. */
  LIVE,
  /** The publisher is gone; what was recorded is a replay. */
  ENDED
}
