package io.onair.rtmp.live;

import io.onair.rtmp.message.RtmpMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One consumer's view of a live stream: a bounded queue the publisher fills and the consumer drains
 * with {@link #poll()}.
 *
 * <p><b>Threads.</b> The stream offers messages with its own lock held, so offers, joins and
 * takeovers reach a subscription in stream order; this class's small lock guards the queue and its
 * state against the consumer's poll. The publisher never waits for the consumer: an offer is a few
 * field updates, or on overflow a clear of the queue, which each message meets at most once.
 *
 * <p><b>Overflow.</b> A message that does not fit clears the queue and the subscription skips: it
 * takes nothing until the next key frame (any audio frame on a stream without video), where it
 * resumes with the metadata and sequence headers it lacks, then that frame. Clearing rather than
 * dropping the newest brings a stalled viewer back to live instead of seconds behind it.
 *
 * <p><b>Slow consumers.</b> A consumer that skips more than {@link
 * LiveLimits#maxConsecutiveSkips()} times in a row is closed with {@link
 * CloseReason#SLOW_CONSUMER}. The count is reset only when the consumer polls the first key frame
 * after the one it resumed at: having taken one whole GOP proves it kept up. Time passing proves
 * nothing, or a consumer that never polls would be skipped forever; a consumer that keeps up in
 * between only skips after stalls, which are worth riding out.
 */
public final class Subscription {

  /** What the stream must tell the subscriber once it has released its lock. */
  enum Offer {
    NOTHING,
    WAKE,
    CLOSE
  }

  private enum Mode {
    LIVE,
    /**
     * Joined, or taken over, where no place to start was at hand: waits for one. What passes
     * meanwhile was never this subscriber's, so it is not counted as dropped.
     */
    WAITING,
    /** Overflowed: waits for a place to start, counting what it drops. */
    SKIPPING
  }

  private final Object lock = new Object();
  private final LiveStream stream;
  private final Subscriber subscriber;
  private final int maxConsecutiveSkips;

  private final MessageQueue queue;
  private Mode mode = Mode.WAITING;
  private StreamHeaders given = StreamHeaders.NONE;
  private boolean idle;
  private RtmpMessage catchUpFrame;
  private int consecutiveSkips;
  private long skips;
  private long dropped;
  private CloseReason closeReason;
  private boolean cancelled;

  /**
   * A publisher took over and its first message is not queued yet. Its timestamps start wherever
   * its encoder starts (usually 0 again), so the consumer must be told where they begin.
   */
  private boolean timelinePending;

  /** The queued message with which the newcomer's timestamps begin; null when none is queued. */
  private RtmpMessage timelineStart;

  private boolean polledTimelineStart;

  Subscription(LiveStream stream, Subscriber subscriber, LiveLimits limits) {
    this.stream = stream;
    this.subscriber = subscriber;
    this.maxConsecutiveSkips = limits.maxConsecutiveSkips();
    this.queue = new MessageQueue(limits.subscriberQueueMessages(), limits.subscriberQueueBytes());
  }

  /**
   * The next message, or null when there is none. A new subscription may already hold its start
   * (metadata, headers, cached GOP): consumers poll once right after subscribing, as if {@link
   * Subscriber#available()} had been called. Poll from one thread at a time.
   */
  public RtmpMessage poll() {
    synchronized (lock) {
      RtmpMessage message = cancelled ? null : queue.poll();
      polledTimelineStart = message != null && message == timelineStart;
      if (polledTimelineStart) {
        timelineStart = null;
      }
      if (message == null) {
        idle = closeReason == null && !cancelled;
      } else if (message == catchUpFrame) {
        consecutiveSkips = 0;
        catchUpFrame = null;
      }
      return message;
    }
  }

  /**
   * Whether the message the last {@link #poll()} returned is the first of a publisher that took the
   * stream over: its timestamps need not continue those before it, so a player re-bases them.
   */
  public boolean polledNewTimeline() {
    synchronized (lock) {
      return polledTimelineStart;
    }
  }

  /** Leaves the stream: no more messages, no more callbacks but those already under way. */
  public void cancel() {
    stream.remove(this);
    synchronized (lock) {
      cancelled = true;
      queue.clear(m -> {});
    }
  }

  public String streamName() {
    return stream.name();
  }

  /** Neither closed by the hub nor cancelled. */
  public boolean isOpen() {
    synchronized (lock) {
      return closeReason == null && !cancelled;
    }
  }

  public Optional<CloseReason> closeReason() {
    synchronized (lock) {
      return Optional.ofNullable(closeReason);
    }
  }

  public int queuedMessages() {
    synchronized (lock) {
      return queue.size();
    }
  }

  public long queuedBytes() {
    synchronized (lock) {
      return queue.bytes();
    }
  }

  /** Messages lost to overflows: cleared from the queue, or not taken while skipping. */
  public long droppedMessages() {
    synchronized (lock) {
      return dropped;
    }
  }

  /** How many times the queue overflowed. */
  public long skips() {
    synchronized (lock) {
      return skips;
    }
  }

  Subscriber subscriber() {
    return subscriber;
  }

  /**
   * Gives a joiner its start: the headers, then the GOP from its key frame, and it is live; or,
   * when there is no GOP to start from or it does not fit, it waits for the next key frame.
   */
  void start(StreamHeaders headers, List<RtmpMessage> gop, boolean live) {
    synchronized (lock) {
      List<RtmpMessage> setup = headers.missingFrom(given);
      if (live && queue.fits(join(setup, gop))) {
        setup.forEach(queue::add);
        gop.forEach(queue::add);
        given = headers;
        mode = Mode.LIVE;
      }
    }
  }

  /** A new publisher took over: what it sends first need not be a place to start. */
  void awaitStart() {
    synchronized (lock) {
      if (mode == Mode.LIVE) {
        mode = Mode.WAITING;
      }
      timelinePending = true;
    }
  }

  /**
   * Offers a published message.
   *
   * @param startable whether a subscriber may start here
   * @param headers the stream's headers, this message counted
   */
  Offer offer(RtmpMessage message, MessageRole role, boolean startable, StreamHeaders headers) {
    synchronized (lock) {
      if (closeReason != null || cancelled) {
        return Offer.NOTHING;
      }
      if (mode != Mode.LIVE) {
        return startable ? resumeAt(message, headers) : skip();
      }
      if (!queue.fits(message)) {
        return overflow(message, startable, headers);
      }
      if (startable && consecutiveSkips > 0 && catchUpFrame == null) {
        catchUpFrame = message;
      }
      queue.add(message);
      if (role.isHeader()) {
        // The stream's instance, which is an earlier one when these bytes repeat it.
        given = given.with(role, headers.of(role));
      }
      return wake();
    }
  }

  /**
   * Closes the subscription; a slow consumer's queue goes too, an ended stream's may be drained.
   */
  void close(CloseReason reason) {
    synchronized (lock) {
      closeReason = reason;
      idle = false;
      if (reason == CloseReason.SLOW_CONSUMER) {
        dropped += clearQueue();
      }
    }
  }

  private Offer skip() {
    if (mode == Mode.SKIPPING) {
      dropped++;
    }
    return Offer.NOTHING;
  }

  private Offer resumeAt(RtmpMessage start, StreamHeaders headers) {
    if (tryResume(start, headers)) {
      return wake();
    }
    if (mode == Mode.WAITING && !queue.isEmpty()) {
      return overflow(start, true, headers);
    }
    return skip();
  }

  private Offer overflow(RtmpMessage message, boolean startable, StreamHeaders headers) {
    skips++;
    consecutiveSkips++;
    if (consecutiveSkips > maxConsecutiveSkips) {
      close(CloseReason.SLOW_CONSUMER);
      dropped++;
      return Offer.CLOSE;
    }
    dropped += clearQueue();
    mode = Mode.SKIPPING;
    if (startable && tryResume(message, headers)) {
      return wake();
    }
    dropped++;
    return Offer.NOTHING;
  }

  /** Queues the headers this subscriber lacks, then {@code start}, if they all fit. */
  private boolean tryResume(RtmpMessage start, StreamHeaders headers) {
    List<RtmpMessage> setup = headers.missingFrom(given);
    if (!queue.fits(join(setup, List.of(start)))) {
      return false;
    }
    markTimeline(setup.isEmpty() ? start : setup.get(0));
    setup.forEach(queue::add);
    queue.add(start);
    given = headers;
    mode = Mode.LIVE;
    return true;
  }

  private void markTimeline(RtmpMessage first) {
    if (timelinePending) {
      timelinePending = false;
      timelineStart = first;
    }
  }

  private int clearQueue() {
    catchUpFrame = null;
    if (timelineStart != null) {
      // Cleared before it was polled: the consumer still has to learn of the new timeline.
      timelineStart = null;
      timelinePending = true;
    }
    return queue.clear(m -> given = given.without(m));
  }

  private Offer wake() {
    if (!idle) {
      return Offer.NOTHING;
    }
    idle = false;
    return Offer.WAKE;
  }

  private static List<RtmpMessage> join(List<RtmpMessage> first, List<RtmpMessage> then) {
    List<RtmpMessage> all = new ArrayList<>(first.size() + then.size());
    all.addAll(first);
    all.addAll(then);
    return all;
  }
}
