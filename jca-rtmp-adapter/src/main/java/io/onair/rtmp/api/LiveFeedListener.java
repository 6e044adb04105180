package io.onair.rtmp.api;

/**
 * How a {@link LiveFeed} tells its consumer that there is something to do.
 *
 * <p>Both methods run on the publisher's network thread, the one every other viewer of the channel
 * waits for. They must not block, must not poll, and should do no more than wake the consumer's own
 * thread (release a semaphore, complete a future, submit a task). A method that throws has its feed
 * cancelled.
 */
public interface LiveFeedListener {

  /**
   * Frames are waiting. Called when a frame arrives after {@link LiveFeed#poll()} returned null:
   * once per change from "the consumer has drained the feed" to "there is work", never while the
   * consumer has not yet seen null. So a consumer polls until null each time it is woken, and never
   * misses a frame.
   */
  void available();

  /**
   * The feed ended for {@code reason}: {@link FeedEnd#PUBLISHER_ENDED} (frames queued before the
   * end may still be polled) or {@link FeedEnd#SLOW_CONSUMER} (the queue is already empty). Not
   * called for the consumer's own cancel or close. May come before {@code subscribe} has returned,
   * and an {@link #available()} racing with the end may follow it.
   */
  void ended(FeedEnd reason);
}
