package io.onair.rtmp.live;

/**
 * The consumer side of a {@link Subscription}: the hub calls it, the consumer answers by polling.
 *
 * <p>Both methods run on whichever thread pushed or ended the stream, usually the publisher's
 * network thread, after the hub has released its locks. They must not block and should do no more
 * than hand work to the consumer's own thread or start one asynchronous write: every subscriber of
 * the stream waits for them. A method that throws has its subscription cancelled.
 */
public interface Subscriber {

  /**
   * Messages are waiting. Called when a message arrives after {@link Subscription#poll()} returned
   * null: once per change from "the consumer is idle" to "there is work", and never while the
   * consumer has not yet seen null. A subscription starts as if it had just been called, since it
   * may already hold the joiner's start. An async writer therefore polls one message, writes it,
   * polls again when the write completes, and stops when poll returns null: it never has two writes
   * in flight and never misses a message.
   */
  void available();

  /**
   * The hub closed the subscription. After {@link CloseReason#PUBLISHER_ENDED}, poll still returns
   * what was queued before the end, then null; after {@link CloseReason#SLOW_CONSUMER} the queue is
   * already empty. May come before {@code subscribe} has returned, or after a concurrent cancel,
   * and an {@link #available()} from a push racing with the end may follow it.
   */
  void closed(CloseReason reason);
}
