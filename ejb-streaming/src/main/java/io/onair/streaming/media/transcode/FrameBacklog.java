package io.onair.streaming.media.transcode;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between the source's packager and the ffmpeg process: the packager offers every
 * frame without ever waiting, the transcoder's writer takes them as fast as ffmpeg reads.
 *
 * <p>An ffmpeg slower than real time makes the queue grow. Once what waits spans more than {@code
 * maxLag} of media time, or more than {@code maxBytes}, the frame offered is dropped and so is
 * every frame after it until the next video key frame: the queue never holds more than its bounds
 * plus one GOP being skipped, the source's packager is never delayed, and ffmpeg gets a stream it
 * can decode (a jump forward to a key frame, never a delta frame missing its reference). Audio is
 * skipped with the video, so the rungs stay in sync. Configurations are never dropped: they are
 * few, small, and a decoder needs them.
 *
 * <p>A new ffmpeg process starts at a key frame too: {@link #restart()} forgets what the previous
 * one left unread.
 *
 * <p>Thread-safe: one thread offers, one takes.
 */
public final class FrameBacklog {

  private final long maxLagMillis;
  private final long maxBytes;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition waiting = lock.newCondition();
  private final Deque<TimedFrame> frames = new ArrayDeque<>();
  private long bytes;
  private boolean skipping;
  private boolean ended;
  private long dropped;
  private long skips;

  public FrameBacklog(Duration maxLag, long maxBytes) {
    if (maxLag.isNegative() || maxLag.isZero() || maxBytes <= 0) {
      throw new IllegalArgumentException("backlog bounds must be positive");
    }
    this.maxLagMillis = maxLag.toMillis();
    this.maxBytes = maxBytes;
  }

  /** Queues {@code frame}, or drops it (see the class comment); never waits. */
  public void offer(TimedFrame frame) {
    lock.lock();
    try {
      if (ended) {
        return;
      }
      if (!frame.isConfig()) {
        if (skipping && !frame.isVideoKeyFrame()) {
          dropped++;
          return;
        }
        if (full(frame)) {
          if (!skipping) {
            skips++;
          }
          skipping = true;
          dropped++;
          return;
        }
        skipping = false;
      }
      frames.addLast(frame);
      bytes += frame.frame().size();
      waiting.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The oldest frame, waiting up to {@code timeout}; null if none came or the input ended. */
  public TimedFrame take(long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = unit.toNanos(timeout);
    lock.lock();
    try {
      while (frames.isEmpty()) {
        if (ended || nanos <= 0) {
          return null;
        }
        nanos = waiting.awaitNanos(nanos);
      }
      TimedFrame frame = frames.removeFirst();
      bytes -= frame.frame().size();
      return frame;
    } finally {
      lock.unlock();
    }
  }

  /** Whether no frame waits: the writer flushes then, so ffmpeg gets what it has at once. */
  public boolean isEmpty() {
    lock.lock();
    try {
      return frames.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  /** A new ffmpeg starts: what waits is forgotten, and it gets frames from the next key frame. */
  public void restart() {
    lock.lock();
    try {
      dropped += frames.stream().filter(f -> !f.isConfig()).count();
      frames.clear();
      bytes = 0;
      skipping = true;
    } finally {
      lock.unlock();
    }
  }

  /** The source ended: what waits is still taken, then {@link #take} returns null at once. */
  public void end() {
    lock.lock();
    try {
      ended = true;
      waiting.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Whether the source ended and every frame was taken. */
  public boolean drained() {
    lock.lock();
    try {
      return ended && frames.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  /** Frames dropped so far, because ffmpeg was behind or restarting. */
  public long dropped() {
    lock.lock();
    try {
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  /** How many times ffmpeg fell so far behind that frames were skipped to a key frame. */
  public long skips() {
    lock.lock();
    try {
      return skips;
    } finally {
      lock.unlock();
    }
  }

  private boolean full(TimedFrame next) {
    if (frames.isEmpty()) {
      return false;
    }
    long lag = next.mediaMillis() - frames.peekFirst().mediaMillis();
    return lag > maxLagMillis || bytes + next.frame().size() > maxBytes;
  }
}
