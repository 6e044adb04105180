package io.onair.streaming.application.transcoding;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells a stalled ffmpeg from an idle one. Stalled: the source went on offering frames for a whole
 * {@code timeout} after ffmpeg's last output. A source that pauses (an encoder's network hiccup)
 * gives ffmpeg nothing to do, and ffmpeg's silence then is no stall. Time is {@link
 * System#nanoTime()}-like, passed in, so the rule is tested without waiting.
 *
 * <p>Thread-safe: the packaging thread reports input, the rung readers output, the supervisor asks.
 */
final class StallWatch {

  private final long timeoutNanos;
  private final AtomicLong lastInput = new AtomicLong();
  private final AtomicLong lastOutput = new AtomicLong();

  StallWatch(Duration timeout, long now) {
    this.timeoutNanos = timeout.toNanos();
    lastInput.set(now);
    lastOutput.set(now);
  }

  void input(long now) {
    lastInput.set(now);
  }

  void output(long now) {
    lastOutput.set(now);
  }

  /** Whether input kept coming for a whole timeout after the last output (or the start). */
  boolean stalled() {
    return lastInput.get() - lastOutput.get() >= timeoutNanos;
  }
}
