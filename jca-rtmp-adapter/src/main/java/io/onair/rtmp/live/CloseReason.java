package io.onair.rtmp.live;

/**
 * Why the hub closed a subscription. A subscriber's own {@link Subscription#cancel()} is not one.
 */
public enum CloseReason {
  /** The current publication ended; the stream is no longer live. */
  PUBLISHER_ENDED,
  /** The subscriber overflowed its queue too many times in a row: it cannot keep up. */
  SLOW_CONSUMER
}
