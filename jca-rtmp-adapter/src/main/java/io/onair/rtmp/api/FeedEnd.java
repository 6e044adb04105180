package io.onair.rtmp.api;

/** Why a {@link LiveFeed} ended. */
public enum FeedEnd {
  /** The broadcast ended: its publisher unpublished or disconnected, or the adapter stopped. */
  PUBLISHER_ENDED,
  /**
   * The consumer polled too slowly: its bounded queue overflowed, it was skipped to the next key
   * frame several times in a row, and was then cut off rather than let fall further behind.
   */
  SLOW_CONSUMER,
  /** The consumer cancelled the feed, closed its connection, or the server reclaimed it. */
  CANCELLED
}
